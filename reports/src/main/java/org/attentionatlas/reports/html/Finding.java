package org.attentionatlas.reports.html;

/**
 * One plain-language sentence of a report's findings and the place that shows it.
 *
 * @param anchor   id of the figure or heading in the page, or null when no single place shows it
 * @param linkText what the link says, e.g. "role map"
 */
public record Finding(String text, String anchor, String linkText) {

    public Finding(String text, String anchor) {
        this(text, anchor, "see figure");
    }
}
