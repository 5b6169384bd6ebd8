package org.attentionatlas.reports.html;

import org.attentionatlas.reports.render.HotSpot;

import java.util.List;

/**
 * A figure's hover areas as a small script, {@code atlasMap("stem", [[shape, coords, title], …]);}, that the page
 * loads when the pointer first reaches the figure: the page itself carries no per-cell markup.
 */
final class HoverMaps {

    private HoverMaps() {
    }

    static String script(String stem, List<HotSpot> spots) {
        StringBuilder b = new StringBuilder("atlasMap(").append(js(stem)).append(",[\n");
        for (int i = 0; i < spots.size(); i++) {
            HotSpot h = spots.get(i);
            b.append('[').append(js(h.shape())).append(',').append(js(h.coords())).append(',').append(js(h.title()))
                    .append(i + 1 < spots.size() ? "],\n" : "]\n");
        }
        return b.append("]);\n").toString();
    }

    /** A JavaScript string literal; also safe inside HTML since <, > and & are escaped. */
    static String js(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
