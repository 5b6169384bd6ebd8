package org.attentionatlas.reports.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** The caption drawn with plain Java2D, word-wrapped, for figures that are not a single chart. */
public final class CaptionBox {

    private static final int PAD = 6;

    private CaptionBox() {
    }

    public static int height(Caption c, int width) {
        FontMetrics fm = metrics();
        return lines(c.text(), fm, width - 2 * PAD).size() * fm.getHeight() + 2 * PAD;
    }

    public static void draw(Graphics2D g, Caption c, int x, int y, int width) {
        g.setFont(Charts.CAPTION);
        g.setColor(Color.DARK_GRAY);
        FontMetrics fm = g.getFontMetrics();
        int baseline = y + PAD + fm.getAscent();
        for (String line : lines(c.text(), fm, width - 2 * PAD)) {
            g.drawString(line, x + PAD, baseline);
            baseline += fm.getHeight();
        }
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(Charts.CAPTION);
        } finally {
            g.dispose();
        }
    }

    static List<String> lines(String text, FontMetrics fm, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(next) > width) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
