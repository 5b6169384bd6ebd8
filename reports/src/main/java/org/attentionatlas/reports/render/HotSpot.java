package org.attentionatlas.reports.render;

/**
 * An area of a figure, in figure coordinates (unscaled pixels), that shows {@code title} on hover in the HTML.
 *
 * @param shape  "rect" or "poly", as in an HTML image map
 * @param coords the image map coordinates, comma-separated
 */
public record HotSpot(String shape, String coords, String title) {
}
