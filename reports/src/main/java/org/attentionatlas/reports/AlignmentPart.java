package org.attentionatlas.reports;

import org.attentionatlas.reports.data.AlignScore;
import org.attentionatlas.reports.figures.AlignmentFigures;
import org.attentionatlas.reports.figures.PublishedAer;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cross-language alignment part of "Multilingual heads": per model revision and language pair (its latest
 * committed run), the AER-by-layer curves with the published point, and the attention heads' AER map with the best
 * heads listed.
 */
final class AlignmentPart {

    /** Heads listed under the AER map. */
    static final int BEST_HEADS = 5;

    private final HtmlReport html;

    AlignmentPart(HtmlReport html) {
        this.html = html;
    }

    void write(List<AlignScore> scores) {
        Map<List<String>, List<AlignScore>> byPair = new LinkedHashMap<>();
        for (AlignScore s : scores) {
            byPair.computeIfAbsent(s.pairKey(), k -> new ArrayList<>()).add(s);
        }
        byPair.values().forEach(this::pair);
    }

    private void pair(List<AlignScore> rows) {
        AlignScore first = rows.get(0);
        String pair = first.languagePair();
        String label = pair + ", " + first.model();
        String stem = "alignment-" + pair + "-" + first.model();
        List<AlignScore> layers = rows.stream().filter(r -> !r.isHead()).toList();
        List<AlignScore> heads = rows.stream().filter(r -> AlignScore.HEAD.equals(r.method())
                && Double.isFinite(r.aer())).toList();
        html.subheading("Cross-language alignment — " + first.model() + " @ " + first.revision() + ", " + pair);
        Double published = PublishedAer.of(pair).orElse(null);
        if (published != null) {
            html.paragraph("Published: " + PublishedAer.CITATION + ", layer " + PublishedAer.LAYER + " "
                    + PublishedAer.METHOD + " AER " + percent(published / 100) + " %; ours "
                    + layers.stream().filter(r -> r.method().equals(PublishedAer.METHOD)
                            && r.layer() == PublishedAer.LAYER && Double.isFinite(r.aer()))
                    .map(r -> percent(r.aer()) + " %").findFirst().orElse("not measured") + ".");
        }
        if (layers.stream().anyMatch(r -> Double.isFinite(r.aer()))) {
            html.figure(AlignmentFigures.aerByLayer(label, layers, published, caption(first, "align_layers",
                    "method, layer, aer", sentences(layers))), stem + "-layers");
        }
        if (heads.isEmpty()) {
            html.paragraph("No gold alignment for " + pair + ": no AER to draw.");
            return;
        }
        html.figure(AlignmentFigures.headAer(label, heads, caption(first, "align_heads", "layer, head, aer",
                sentences(heads))), stem + "-heads");
        html.table(bestHeads(heads));
    }

    private static Caption caption(AlignScore first, String table, String columns, long sentences) {
        return new Caption(first.runId(), first.model(), first.revision(), Queries.alignment(table, columns,
                first.runId(), first.model(), first.revision(), first.languagePair()), sentences + " sentences");
    }

    private static long sentences(List<AlignScore> rows) {
        return rows.stream().mapToLong(AlignScore::sentences).max().orElse(0);
    }

    private static Table bestHeads(List<AlignScore> heads) {
        List<AlignScore> best = heads.stream().sorted(Comparator.comparingDouble(AlignScore::aer)
                .thenComparingInt(AlignScore::layer).thenComparingInt(AlignScore::head)).limit(BEST_HEADS).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            AlignScore h = best.get(i);
            rows.add(List.of(Integer.toString(i + 1), Integer.toString(h.layer()), Integer.toString(h.head()),
                    percent(h.aer()), percent(h.precision()), percent(h.recall())));
        }
        return new Table("Best attention heads for alignment (mutual argmax; percent; 0-based layer)",
                List.of("rank", "layer", "head", "AER", "precision", "recall"), rows);
    }

    /** A fraction as a percentage with one decimal. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f", 100 * fraction) : "n/a";
    }
}
