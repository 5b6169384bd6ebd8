package org.attentionatlas.web;

import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.Figure;

import java.awt.Color;
import java.awt.Graphics2D;

/** An export figure of the page's views: a title drawn at the top, no report caption (the page states its source). */
abstract class TitledFigure implements Figure {

    protected final String title;

    TitledFigure(String title) {
        this.title = title;
    }

    @Override
    public Caption caption() {
        return null;
    }

    @Override
    public String title() {
        return title;
    }

    /** Draws the title and leaves the graphics in black. */
    protected void drawTitle(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(title, 8, 20);
    }
}
