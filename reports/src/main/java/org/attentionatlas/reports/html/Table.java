package org.attentionatlas.reports.html;

import java.util.List;

/** A plain table for the report; cells are text (escaped when written). */
public record Table(String caption, List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells under " + header.size() + " headers");
            }
        }
    }
}
