package org.attentionatlas.reports;

import org.attentionatlas.reports.data.AlignExample;
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
 * committed run), the AER-by-layer curves with the published point, the attention heads' AER map with the best
 * heads listed, and alignment matrices of a few typical sentence pairs (align_links with gold).
 */
final class AlignmentPart {

    /** Heads listed under the AER map. */
    static final int BEST_HEADS = 5;
    /** Sentence pairs drawn as alignment matrices per language pair. */
    static final int MATRIX_PAIRS = 3;
    /** Words a drawn pair has at least and at most on each side. */
    static final int MATRIX_MIN_WORDS = 4;
    static final int MATRIX_MAX_WORDS = 15;

    private final HtmlReport html;

    AlignmentPart(HtmlReport html) {
        this.html = html;
    }

    /** The part for every language pair of {@code scores}; {@code examples} (align_links, gold) feed the matrices. */
    void write(List<AlignScore> scores, List<AlignExample> examples) {
        Map<List<String>, List<AlignScore>> byPair = new LinkedHashMap<>();
        for (AlignScore s : scores) {
            byPair.computeIfAbsent(s.pairKey(), k -> new ArrayList<>()).add(s);
        }
        byPair.forEach((key, rows) -> {
            pair(rows);
            matrices(rows, examples.stream().filter(e -> e.pairKey().equals(key)
                    && e.runId().equals(rows.get(0).runId())).toList());
        });
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

    /**
     * Typical pairs, drawn: those with {@value #MATRIX_MIN_WORDS}–{@value #MATRIX_MAX_WORDS} words on each side whose
     * sentence AER is closest to the corpus AER of the same aligner, ties by line; at most {@value #MATRIX_PAIRS}.
     */
    static List<AlignExample> typical(List<AlignExample> examples, double corpusAer) {
        return examples.stream().filter(e -> fits(e.src().size()) && fits(e.tgt().size()) && Double.isFinite(e.aer()))
                .sorted(Comparator.comparingDouble((AlignExample e) -> Math.abs(e.aer() - corpusAer))
                        .thenComparing(AlignExample::file).thenComparingLong(AlignExample::line))
                .limit(MATRIX_PAIRS).toList();
    }

    private static boolean fits(int words) {
        return words >= MATRIX_MIN_WORDS && words <= MATRIX_MAX_WORDS;
    }

    private void matrices(List<AlignScore> rows, List<AlignExample> examples) {
        if (examples.isEmpty()) {
            return;
        }
        AlignExample first = examples.get(0);
        double corpus = rows.stream().filter(r -> !r.isHead() && r.method().equals(first.method())
                && r.layer() == first.layer()).mapToDouble(AlignScore::aer).findFirst().orElse(Double.NaN);
        List<AlignExample> drawn = typical(examples, corpus);
        if (drawn.isEmpty()) {
            html.paragraph("No sentence pair of " + first.languagePair() + " has " + MATRIX_MIN_WORDS + "–"
                    + MATRIX_MAX_WORDS + " words on each side: no alignment matrices.");
            return;
        }
        String label = first.languagePair() + ", " + first.model();
        String lines = String.join(", ", drawn.stream().map(e -> Long.toString(e.line())).toList());
        Caption caption = new Caption(first.runId(), first.model(), first.revision(),
                Queries.alignment("align_links", "line, src, tgt, links, gold_sure, gold_possible", first.runId(),
                        first.model(), first.revision(), first.languagePair()) + " AND head IS NULL AND line IN ("
                        + lines + ")",
                drawn.size() + " of " + sentences(rows) + " sentence pairs: " + MATRIX_MIN_WORDS + "–"
                        + MATRIX_MAX_WORDS + " words per side, sentence AER closest to the corpus AER "
                        + percent(corpus) + " %");
        html.figure(AlignmentFigures.matrices("Alignment matrices — " + label, drawn, caption),
                "alignment-" + first.languagePair() + "-" + first.model() + "-matrices");
        html.paragraph("Drawn pairs (line: source ||| target): " + String.join("; ", drawn.stream()
                .map(e -> e.line() + ": " + String.join(" ", e.src()) + " ||| " + String.join(" ", e.tgt()))
                .toList()) + ".");
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
