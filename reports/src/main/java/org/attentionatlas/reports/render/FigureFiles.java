package org.attentionatlas.reports.render;

import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a figure as PNG (at a scale factor, for print) and as SVG, both through {@link Figure#draw}. */
public final class FigureFiles {

    private FigureFiles() {
    }

    /** What was written: file names relative to {@code dir}, the figure's size and its hover areas. */
    public record Written(String png, String svg, int width, int height, List<HotSpot> hotSpots) {
    }

    public static Written write(Figure f, Path dir, String stem, double scale) throws IOException {
        if (!(scale > 0) || scale > 16) {
            throw new IllegalArgumentException("scale must be in (0, 16], got " + scale);
        }
        String png = stem + ".png";
        String svg = stem + ".svg";
        List<HotSpot> spots = writePng(f, dir.resolve(png), scale);
        writeSvg(f, dir.resolve(svg));
        return new Written(png, svg, f.width(), f.height(), spots);
    }

    /** The PNG is width·scale × height·scale pixels; hover areas stay in unscaled figure pixels. */
    static List<HotSpot> writePng(Figure f, Path file, double scale) throws IOException {
        int w = (int) Math.round(f.width() * scale);
        int h = (int) Math.round(f.height() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            List<HotSpot> spots = f.draw(g);
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return spots;
        } finally {
            g.dispose();
        }
    }

    static void writeSvg(Figure f, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        f.draw(g);
        // no DOCTYPE: its DTD address would make XML tools go to the network
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n",
                StandardCharsets.UTF_8);
    }
}
