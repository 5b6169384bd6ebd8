package org.attentionatlas.reports.agreement;

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
 * "Does attention explain the prediction?": per model revision and dataset (latest agreement run), the distribution
 * of Kendall τ between each attention-derived ranking and each attribution's, and the texts where attention and
 * attribution disagree most.
 */
public final class AgreementSection {

    /** How many of the most disagreeing texts are listed per run. */
    static final int WORST_TEXTS = 5;

    private final HtmlReport html;

    public AgreementSection(HtmlReport html) {
        this.html = html;
    }

    /** Draws the section; nothing when {@code results} is null (the folder holds no agreement run). */
    public void write(AgreementResults results) {
        if (results == null || results.runs().isEmpty()) {
            return;
        }
        html.section("Does attention explain the prediction?", "Per text, the attributed tokens (not the special "
                + "tokens or the mask) are ranked by each attention-derived score — the target's row of the last "
                + "layer's head-averaged attention, rollout, max-flow and the last layer's norm-based attention "
                + "α·‖f(x)‖ — and by the magnitude of each attribution (gradient × input, integrated gradients, "
                + "leave-one-out); Kendall τ-b compares the two rankings (+1: same order, 0: unrelated, −1: reversed). "
                + "Jain & Wallace (2019) found attention weights often unrelated to gradient-based importance.");
        for (AgreementResults.Run run : results.runs()) {
            write(run);
        }
    }

    private void write(AgreementResults.Run run) {
        String label = run.model() + " @ " + run.revision() + ", " + run.dataset();
        String sample = run.texts() + " texts, " + run.rows().size() + " text × pair rows";
        html.subheading("Agreement — " + label, sample);
        List<TauSummary> pairs = summaries(run);
        html.figure(AgreementFigures.tauBoxes(label, pairs, caption(run, "attention_method, attribution_method, tau, "
                + "p_value, top_k_overlap", sample)), "agreement-" + run.model() + "-" + run.dataset());
        html.table(pairTable(pairs));
        html.table(worstTexts(run));
    }

    static List<TauSummary> summaries(AgreementResults.Run run) {
        Map<String, List<AgreementResults.PairTau>> byPair = new LinkedHashMap<>();
        for (AgreementResults.PairTau r : run.rows()) {
            byPair.computeIfAbsent(r.pair(), k -> new ArrayList<>()).add(r);
        }
        List<TauSummary> out = new ArrayList<>();
        for (List<AgreementResults.PairTau> rows : byPair.values()) {
            out.add(TauSummary.of(rows.get(0).attention(), rows.get(0).attribution(), rows));
        }
        return out;
    }

    private static Table pairTable(List<TauSummary> pairs) {
        List<List<String>> rows = new ArrayList<>();
        for (TauSummary s : pairs) {
            rows.add(List.of(s.attention(), s.attribution(), s.texts() + (s.missing() > 0 ? " (" + s.missing()
                    + " without τ)" : ""), f("%+.2f", s.mean()), f("%.2f", s.q1()), f("%.2f", s.median()),
                    f("%.2f", s.q3()), f("%.0f", 100 * s.significantPositive()), f("%.2f", s.meanOverlap())));
        }
        return new Table("Kendall τ per method pair over the texts (quartiles: numpy's default interpolation)",
                List.of("attention", "attribution", "texts", "mean τ", "Q1", "median", "Q3",
                        "% τ > 0 with p < 0.05", "mean top-k overlap"), rows);
    }

    /** The texts with the lowest mean τ over all pairs, each with its most disagreeing pair. */
    static Table worstTexts(AgreementResults.Run run) {
        Map<String, List<AgreementResults.PairTau>> byText = new LinkedHashMap<>();
        for (AgreementResults.PairTau r : run.rows()) {
            if (!Double.isNaN(r.tau())) {
                byText.computeIfAbsent(r.textId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<List<String>> rows = byText.values().stream()
                .sorted(Comparator.comparingDouble(AgreementSection::meanTau)
                        .thenComparing(r -> r.get(0).textId()))
                .limit(WORST_TEXTS)
                .map(r -> {
                    AgreementResults.PairTau worst = r.stream().min(Comparator
                            .comparingDouble(AgreementResults.PairTau::tau)).orElseThrow();
                    return List.of(worst.textId(), worst.text(), worst.target(), f("%+.2f", meanTau(r)),
                            worst.pair() + " " + f("%+.2f", worst.tau()));
                }).toList();
        return new Table("Texts where attention and attribution disagree most (lowest mean τ over the pairs)",
                List.of("text id", "text", "target", "mean τ", "lowest pair"), rows);
    }

    private static double meanTau(List<AgreementResults.PairTau> rows) {
        return rows.stream().mapToDouble(AgreementResults.PairTau::tau).average().orElse(Double.NaN);
    }

    private static Caption caption(AgreementResults.Run run, String columns, String sample) {
        return new Caption(run.runId(), run.model(), run.revision(), "SELECT text_id, " + columns + " FROM agreement"
                + " WHERE run_id = " + Queries.literal(run.runId()) + " AND model = " + Queries.literal(run.model())
                + " AND dataset = " + Queries.literal(run.dataset()), sample);
    }

    private static String f(String format, double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }
}
