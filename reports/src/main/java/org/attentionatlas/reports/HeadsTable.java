package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Numbers;

import java.util.ArrayList;
import java.util.List;

/** "Heads at a glance": every head of every group in one sortable, filterable table, each statistic ± its SE. */
final class HeadsTable {

    private final HtmlReport html;
    private final long minSequences;

    HeadsTable(HtmlReport html, long minSequences) {
        this.html = html;
        this.minSequences = minSequences;
    }

    void write(List<HeadGroup> groups) {
        html.section("Heads at a glance", "Every head of every group: its role and each statistic ± one standard "
                + "error (documents as independent draws), with the group's sample size. Click a column to sort, type "
                + "to filter (e.g. \"previous-token en\").");
        List<HeadStat> stats = new ArrayList<>();
        for (HeadStat s : HeadStat.values()) {
            if (groups.stream().anyMatch(g -> g.stat(s) != null)) {
                stats.add(s);
            }
        }
        List<String> header = new ArrayList<>(List.of("model", "dataset", "language", "layer", "head", "role"));
        stats.forEach(s -> header.add(s.column()));
        header.addAll(List.of("sequences", "tokens", "note"));
        List<List<String>> rows = new ArrayList<>();
        for (HeadGroup g : groups) {
            String note = g.tooSmall(minSequences) ? "too small" : "";
            for (int l = 0; l < g.layers(); l++) {
                for (int h = 0; h < g.heads(); h++) {
                    List<String> row = new ArrayList<>(List.of(g.model() + " @ " + g.revision(), g.dataset(),
                            g.language(), Integer.toString(l), Integer.toString(h),
                            g.roles()[l][h] == null ? "" : g.roles()[l][h]));
                    for (HeadStat s : stats) {
                        row.add(cell(g, s, l, h));
                    }
                    row.addAll(List.of(Long.toString(g.sequences()), Long.toString(g.tokens()), note));
                    rows.add(row);
                }
            }
        }
        html.sortableTable(new Table("Every head (layers and heads 0-based; too small: fewer than " + minSequences
                + " sequences)", header, rows));
    }

    /** "0.831±0.004", the value alone without a standard error, empty when missing. */
    static String cell(HeadGroup g, HeadStat s, int l, int h) {
        double v = g.stat(s) == null ? Double.NaN : g.stat(s)[l][h];
        return Double.isFinite(v) ? Numbers.withError(v, g.error(s, l, h), "±") : "";
    }
}
