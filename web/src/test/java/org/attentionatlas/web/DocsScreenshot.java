package org.attentionatlas.web;

import org.attentionatlas.testkit.Fixtures;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A figure as the browser renders it, kept for the README under docs/img: scaled down until the PNG is under 150 KB. */
final class DocsScreenshot {

    static final int MAX_BYTES = 150 * 1024;

    private DocsScreenshot() {
    }

    static Path write(String name, byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        byte[] out = png;
        while (out.length >= MAX_BYTES) {
            image = scaled(image, 0.85);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            out = bytes.toByteArray();
        }
        Path file = Files.createDirectories(Fixtures.root().resolve("docs").resolve("img")).resolve(name);
        Files.write(file, out);
        return file;
    }

    private static BufferedImage scaled(BufferedImage in, double f) {
        int w = (int) Math.round(in.getWidth() * f);
        int h = (int) Math.round(in.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
