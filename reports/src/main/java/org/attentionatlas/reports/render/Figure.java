package org.attentionatlas.reports.render;

import java.awt.Graphics2D;
import java.util.List;

/** Something drawn once into any Graphics2D (PNG raster or SVG), at its own size in figure pixels. */
public interface Figure {

    int width();

    int height();

    Caption caption();

    /** Short alternative text for the image. */
    String title();

    /** Draws the figure into (0, 0, width, height) and returns the areas that carry hover text. */
    List<HotSpot> draw(Graphics2D g);
}
