package org.attentionatlas.reports.bias;

import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's bias section: a plain-language summary, the headline numbers with CIs, per metric a layer × head
 * heatmap and the most biased heads, and example sentence pairs side by side.
 */
public final class BiasSection {

    static final String HEADLINE_HEADING = "Headline bias numbers";
    /** Where the findings of {@link BiasNarrative#findings} link to. */
    public static final String HEADLINE_ANCHOR = HtmlReport.anchor("sec-" + HEADLINE_HEADING);

    private final HtmlReport html;
    private final int topHeads;

    public BiasSection(HtmlReport html, int topHeads) {
        this.html = html;
        this.topHeads = topHeads;
    }

    public void write(BiasResults r) {
        html.section("Bias", "Gender-bias measurements of the bias job (definitions in docs/bias.md). "
                + "Intervals are 95% percentile bootstrap CIs, p-values two-sided permutation tests. What they say in "
                + "words is in the findings at the top.");
        runs(r);
        html.subheading(HEADLINE_HEADING);
        headline(r);
        for (BiasResults.HeadGrid g : r.heads()) {
            heads(g, sampleOf(r, g));
        }
        if (!r.examples().isEmpty()) {
            html.subheading("Example sentence pairs");
            html.paragraph("Each strip shows how much the pronoun attends to every word (attention averaged over all "
                    + "layers and heads; special tokens left out), for the two sentences of a pair; the score is the sentence's head-averaged "
                    + "value (WinoBias: the gold occupation's share; association datasets: attention to the "
                    + "occupation).");
            for (BiasResults.ExamplePair p : r.examples()) {
                example(p);
            }
        }
    }

    private void runs(BiasResults r) {
        List<List<String>> rows = new ArrayList<>();
        for (BiasResults.Run run : r.runs()) {
            rows.add(List.of(run.runId(), run.model(), run.revision(), run.datasets(), Long.toString(run.seed()),
                    Integer.toString(run.bootstrap()), Long.toString(run.sentences()), Long.toString(run.scored()),
                    Long.toString(run.rejected()), run.notes() == null ? "" : run.notes()));
        }
        html.table(new Table("Bias runs (rejected inputs are listed in bias_rejects)", List.of("run id", "model",
                "revision", "datasets", "seed", "bootstrap", "sentences", "scored", "rejected", "notes"), rows));
    }

    private void headline(BiasResults r) {
        List<List<String>> rows = new ArrayList<>();
        for (BiasResults.SummaryRow e : r.summary()) {
            rows.add(List.of(e.model(), e.dataset(), e.group(), e.metric(), e.attention(), num(e.estimate()),
                    Double.isFinite(e.ciLow()) ? "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]" : "",
                    Integer.toString(e.n()), Double.isFinite(e.pValue()) ? num(e.pValue()) : ""));
        }
        html.table(new Table("Headline numbers (bias_summary)", List.of("model", "dataset", "group", "metric",
                "attention", "estimate", "95% CI", "n", "p"), rows));
    }

    /** "n = 40" from the summary row of the grid's run, dataset, group and metric; empty when there is none. */
    private static String sampleOf(BiasResults r, BiasResults.HeadGrid g) {
        return r.summary().stream().filter(e -> e.runId().equals(g.runId()) && e.dataset().equals(g.dataset())
                        && e.group().equals(g.group()) && e.metric().equals(g.metric())).findFirst()
                .map(e -> "n = " + e.n()).orElse("");
    }

    private void heads(BiasResults.HeadGrid g, String sample) {
        html.subheading(g.metric() + " per head — " + g.model() + ", " + g.dataset() + " (" + g.group() + ")");
        String query = "SELECT layer, head, value, ci_low, ci_high, p_value, rank FROM bias_heads WHERE run_id = '"
                + g.runId() + "' AND dataset = '" + g.dataset() + "' AND grp = '" + g.group() + "' AND metric = '"
                + g.metric() + "' ORDER BY layer, head";
        html.figure(BiasFigures.heads(g, new Caption(g.runId(), g.model(), g.revision(), query, sample)),
                "bias-" + g.model() + "-" + g.dataset() + "-" + g.group() + "-" + g.metric());
        List<List<String>> rows = new ArrayList<>();
        for (BiasResults.HeadValue v : g.ranked().subList(0, Math.min(topHeads, g.ranked().size()))) {
            rows.add(List.of(Integer.toString(v.rank()), "L" + v.layer() + "H" + v.head(), num(v.value()),
                    Double.isFinite(v.ciLow()) ? "[" + num(v.ciLow()) + ", " + num(v.ciHigh()) + "]" : "",
                    Double.isFinite(v.pValue()) ? num(v.pValue()) : ""));
        }
        html.table(new Table("Most biased heads by |" + g.metric() + "| (layers and heads 0-based; per-head p-values "
                + "are not corrected for multiple comparisons)", List.of("rank", "head", g.metric(), "95% CI", "p"),
                rows));
    }

    private void example(BiasResults.ExamplePair p) {
        String query = "SELECT variant, text, head_avg, words, pronoun_row FROM bias_sentences WHERE run_id = '"
                + p.runId() + "' AND dataset = '" + p.dataset() + "' AND id = '" + p.id() + "'";
        html.figure(BiasFigures.pronounStrip(p, new Caption(p.runId(), p.model(), p.revision(), query,
                        "1 sentence pair")),
                "bias-example-" + p.model() + "-" + p.dataset() + "-" + p.id());
        html.table(new Table(null, List.of("", p.first().variant(), p.second().variant()), List.of(
                List.of("sentence", p.first().text(), p.second().text()),
                List.of("score", num(p.first().score()), num(p.second().score())))));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
