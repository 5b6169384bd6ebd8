package org.attentionatlas.jobs.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The first screen of a page in Debian's headless Chromium (the binary web's browser test uses; nothing is
 * downloaded), saved as a small 256-colour PNG for the README.
 */
final class Screenshots {

    static final String CHROMIUM = "/usr/bin/chromium";

    private Screenshots() {
    }

    /** A {@code width} × {@code height} screenshot of {@code page} as an 8-bit palette PNG at {@code target}. */
    static void firstScreen(Path page, int width, int height, Path target) throws IOException, InterruptedException {
        Path raw = Files.createTempFile("atlas-screenshot", ".png");
        Path profile = Files.createTempDirectory("atlas-chromium-profile");
        Process p = new ProcessBuilder(CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--screenshot=" + raw, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("chromium took more than 2 minutes for a screenshot of " + page);
        }
        BufferedImage shot = ImageIO.read(raw.toFile());
        Files.deleteIfExists(raw);
        if (shot == null) {
            throw new IOException("chromium wrote no screenshot of " + page + " (exit " + p.exitValue() + ")");
        }
        Files.createDirectories(target.getParent());
        ImageIO.write(palette(shot), "png", target.toFile());
    }

    /** The image in its 256 most frequent colours, every other colour mapped to the nearest of them. */
    static BufferedImage palette(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        Map<Integer, Integer> count = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                count.merge(in.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        List<Integer> colors = new ArrayList<>(count.keySet());
        colors.sort((a, b) -> count.get(b) - count.get(a));
        int n = Math.min(256, colors.size());
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = colors.get(i);
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, n, r, g, b));
        WritableRaster raster = out.getRaster();
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, nearest.computeIfAbsent(in.getRGB(x, y) & 0xFFFFFF,
                        c -> nearestIndex(c, colors, n)));
            }
        }
        return out;
    }

    private static int nearestIndex(int c, List<Integer> colors, int n) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int o = colors.get(i);
            long dr = ((c >> 16) & 255) - ((o >> 16) & 255);
            long dg = ((c >> 8) & 255) - ((o >> 8) & 255);
            long db = (c & 255) - (o & 255);
            long d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
