package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.align.Link;
import org.attentionatlas.reports.data.AlignExample;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.HotSpot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word alignment matrices of a few sentence pairs side by side, drawn with Java2D: source words down, target words
 * across; a cell is filled where the aligner predicted a link, outlined solid where the gold has a sure link and dashed
 * where it has a possible-only link. One legend and one caption for all panels. A word the font cannot draw (CJK with
 * the fonts of a headless server) is labelled by its 1-based index instead.
 */
public final class AlignmentMatrices implements Figure {

    /** Cell side in figure pixels. */
    public static final int CELL = 18;
    public static final Color PREDICTED = new Color(0x4477AA);
    private static final Color GOLD = Color.BLACK;
    private static final int TOP = 28;
    private static final int PANEL_TITLE = 18;
    private static final int GAP = 24;
    private static final int LEGEND = 34;
    private static final Font LABEL = Charts.LABEL;

    /** What one cell shows: a predicted link, and the gold there. */
    public enum Gold { NONE, SURE, POSSIBLE }

    public record Cell(boolean predicted, Gold gold) {
    }

    private final String title;
    private final List<AlignExample> pairs;
    private final Caption caption;
    private final int[] left;
    private final int labelHeight;

    public AlignmentMatrices(String title, List<AlignExample> pairs, Caption caption) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("alignment matrices need at least one sentence pair");
        }
        this.title = title;
        this.pairs = List.copyOf(pairs);
        this.caption = caption;
        FontMetrics fm = metrics();
        this.left = new int[pairs.size()];
        int tallest = 0;
        for (int p = 0; p < pairs.size(); p++) {
            List<String> src = pairs.get(p).src();
            List<String> tgt = pairs.get(p).tgt();
            for (int i = 0; i < src.size(); i++) {
                left[p] = Math.max(left[p], fm.stringWidth(label(src, i)));
            }
            for (int j = 0; j < tgt.size(); j++) {
                tallest = Math.max(tallest, fm.stringWidth(label(tgt, j)));
            }
            left[p] += 8;
        }
        this.labelHeight = tallest + 8;
    }

    /** The cells of one pair, [source word][target word]. */
    public static Cell[][] cells(AlignExample e) {
        Cell[][] out = new Cell[e.src().size()][e.tgt().size()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                Link l = new Link(i, j);
                out[i][j] = new Cell(e.predicted().contains(l), e.sure().contains(l) ? Gold.SURE
                        : e.possible().contains(l) ? Gold.POSSIBLE : Gold.NONE);
            }
        }
        return out;
    }

    /** The word itself, or its 1-based index when the label font cannot draw it. */
    static String label(List<String> words, int i) {
        String w = words.get(i);
        String shown = w.length() > 18 ? w.substring(0, 17) + "…" : w;
        return LABEL.canDisplayUpTo(shown) == -1 ? shown : "#" + (i + 1);
    }

    private int panelX(int p) {
        int x = 0;
        for (int q = 0; q < p; q++) {
            x += panelWidth(q);
        }
        return x;
    }

    private int panelWidth(int p) {
        return left[p] + pairs.get(p).tgt().size() * CELL + GAP;
    }

    private int gridTop() {
        return TOP + PANEL_TITLE + labelHeight;
    }

    private int gridBottom() {
        return gridTop() + pairs.stream().mapToInt(e -> e.src().size()).max().orElse(0) * CELL;
    }

    /** Where cell (source i, target j) of panel {@code p} is drawn. */
    public Rectangle cellBounds(int p, int i, int j) {
        return new Rectangle(panelX(p) + GAP / 2 + left[p] + j * CELL, gridTop() + i * CELL, CELL, CELL);
    }

    @Override
    public int width() {
        int panels = 0;
        for (int p = 0; p < pairs.size(); p++) {
            panels += panelWidth(p);
        }
        return Math.max(480, panels);
    }

    @Override
    public int height() {
        return gridBottom() + LEGEND;
    }

    @Override
    public Caption caption() {
        return caption;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(title, 8, 20);
        List<HotSpot> spots = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            spots.addAll(panel(g, p));
        }
        legend(g, gridBottom() + 12);
        return spots;
    }

    private List<HotSpot> panel(Graphics2D g, int p) {
        AlignExample e = pairs.get(p);
        Cell[][] cells = cells(e);
        Rectangle origin = cellBounds(p, 0, 0);
        g.setFont(Charts.TICK);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "line %d · AER %s %%", e.line(), Double.isNaN(e.aer()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f", 100 * e.aer())), origin.x, TOP + 10);
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < e.src().size(); i++) {
            String s = label(e.src(), i);
            g.drawString(s, origin.x - 6 - fm.stringWidth(s), origin.y + i * CELL + (CELL + fm.getAscent()) / 2 - 2);
        }
        for (int j = 0; j < e.tgt().size(); j++) {
            AffineTransform saved = g.getTransform();
            g.translate(origin.x + j * CELL + (CELL + fm.getAscent()) / 2.0 - 2, origin.y - 6);
            g.rotate(-Math.PI / 2);
            g.drawString(label(e.tgt(), j), 0, 0);
            g.setTransform(saved);
        }
        List<HotSpot> spots = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                Rectangle r = cellBounds(p, i, j);
                Cell c = cells[i][j];
                g.setColor(c.predicted() ? PREDICTED : Color.WHITE);
                g.fillRect(r.x, r.y, r.width, r.height);
                g.setColor(new Color(0xDDDDDD));
                g.setStroke(new BasicStroke(1f));
                g.drawRect(r.x, r.y, r.width, r.height);
                outline(g, c.gold(), r.x, r.y);
                if (c.predicted() || c.gold() != Gold.NONE) {
                    spots.add(new HotSpot("rect", r.x + "," + r.y + "," + (r.x + r.width) + "," + (r.y + r.height),
                            e.src().get(i) + " – " + e.tgt().get(j) + ": " + describe(c)));
                }
            }
        }
        return spots;
    }

    private static void outline(Graphics2D g, Gold gold, int x, int y) {
        if (gold == Gold.NONE) {
            return;
        }
        Stroke saved = g.getStroke();
        g.setColor(GOLD);
        g.setStroke(gold == Gold.SURE ? new BasicStroke(2f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f));
        g.drawRect(x + 3, y + 3, CELL - 6, CELL - 6);
        g.setStroke(saved);
    }

    private static String describe(Cell c) {
        String gold = switch (c.gold()) {
            case SURE -> "gold sure";
            case POSSIBLE -> "gold possible";
            case NONE -> "not in gold";
        };
        return (c.predicted() ? "predicted, " : "not predicted, ") + gold;
    }

    private void legend(Graphics2D g, int y) {
        AlignExample first = pairs.get(0);
        String predicted = "predicted (" + first.method() + ", layer " + first.layer() + ")";
        g.setFont(Charts.TICK);
        FontMetrics fm = g.getFontMetrics();
        int x = 8;
        String[] labels = {predicted, "gold sure", "gold possible"};
        for (int k = 0; k < labels.length; k++) {
            g.setColor(k == 0 ? PREDICTED : Color.WHITE);
            g.fillRect(x, y, CELL, CELL);
            g.setColor(new Color(0xDDDDDD));
            g.drawRect(x, y, CELL, CELL);
            outline(g, k == 1 ? Gold.SURE : k == 2 ? Gold.POSSIBLE : Gold.NONE, x, y);
            g.setColor(Color.BLACK);
            g.drawString(labels[k], x + CELL + 6, y + (CELL + fm.getAscent()) / 2 - 1);
            x += CELL + 6 + fm.stringWidth(labels[k]) + 18;
        }
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(LABEL);
        } finally {
            g.dispose();
        }
    }
}
