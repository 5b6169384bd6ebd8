package org.attentionatlas.reports.render;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** Charts side by side in one figure (e.g. one panel per language), each keeping its own hover areas. */
public final class FigureRow implements Figure {

    private final List<ChartFigure> panels;
    private final Caption caption;
    private final String title;

    public FigureRow(List<ChartFigure> panels, Caption caption, String title) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure row needs at least one panel");
        }
        this.panels = List.copyOf(panels);
        this.caption = caption;
        this.title = title;
    }

    @Override
    public int width() {
        return panels.stream().mapToInt(ChartFigure::width).sum();
    }

    @Override
    public int height() {
        return panels.stream().mapToInt(ChartFigure::height).max().orElse(0);
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
        List<HotSpot> out = new ArrayList<>();
        int x = 0;
        for (ChartFigure p : panels) {
            out.addAll(p.drawAt(g, x, 0));
            x += p.width();
        }
        return out;
    }
}
