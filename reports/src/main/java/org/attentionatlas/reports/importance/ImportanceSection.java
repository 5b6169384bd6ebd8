package org.attentionatlas.reports.importance;

import org.attentionatlas.engine.importance.PruningCurve;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Head importance": per model revision and dataset (latest run), the pruning curve with its table and the
 * layer × head importance map (Michel et al. 2019), and how many heads can go before accuracy falls by one point.
 */
public final class ImportanceSection {

    private final HtmlReport html;

    public ImportanceSection(HtmlReport html) {
        this.html = html;
    }

    /** Draws the section; nothing when {@code results} is null (the folder holds no importance run). */
    public void write(ImportanceResults results) {
        if (results == null || results.runs().isEmpty()) {
            return;
        }
        html.section("Head importance", "Importance of a head is E_x |∂L/∂ξ_h|, the expected magnitude of the "
                + "gradient of the masked-LM loss with respect to a gate ξ_h on the head's output (Michel et al. 2019, "
                + "\"Are Sixteen Heads Really Better than One?\"), normalised by each layer's L2 norm as their code "
                + "does. The pruning curve removes the least important heads (ξ = 0) and scores the same masked "
                + "tokens. Michel et al. prune 20–40 % of BERT's heads on MNLI with little loss; masked-LM prediction is "
                + "a different, broader task, so expect a steeper curve.");
        for (ImportanceResults.Run run : results.runs()) {
            write(run);
        }
    }

    private void write(ImportanceResults.Run run) {
        String label = run.model() + " @ " + run.revision() + ", " + run.dataset();
        String stem = "importance-" + run.model() + "-" + run.dataset();
        html.subheading("Head importance — " + label);
        String sample = run.sequences() + " sequences, " + run.maskedTokens() + " masked tokens";
        PruningCurve curve = run.curve();
        html.paragraph(String.format(Locale.ROOT, "%d of %d heads can go before masked-LM accuracy falls by 1 point "
                        + "(%.1f %% unpruned; measured at the curve's %d points; %s).",
                curve.headsBeforeAccuracyDrop(0.01), run.heads(), 100 * curve.points().get(0).accuracy(),
                curve.points().size(), sample));
        html.figure(ImportanceFigures.pruningCurve(label, curve, caption(run, "head_pruning",
                "fraction, heads_pruned, mlm_loss, mlm_accuracy", sample)), stem + "-pruning");
        html.table(curveTable(curve));
        html.figure(ImportanceFigures.importanceMap(label, run.importance(), caption(run, "head_importance",
                "layer, head, importance, rank", sample)), stem + "-heads");
    }

    private static Caption caption(ImportanceResults.Run run, String table, String columns, String sample) {
        return new Caption(run.runId(), run.model(), run.revision(), "SELECT " + columns + " FROM " + table
                + " WHERE run_id = " + Queries.literal(run.runId()) + " AND model = " + Queries.literal(run.model())
                + " AND dataset = " + Queries.literal(run.dataset()), sample);
    }

    private static Table curveTable(PruningCurve curve) {
        List<List<String>> rows = new ArrayList<>();
        double base = curve.points().get(0).accuracy();
        for (PruningCurve.Point p : curve.points()) {
            rows.add(List.of(String.format(Locale.ROOT, "%.0f", 100 * p.fraction()), Integer.toString(p.headsPruned()),
                    String.format(Locale.ROOT, "%.3f", p.loss()), String.format(Locale.ROOT, "%.2f", 100 * p.accuracy()),
                    String.format(Locale.ROOT, "%+.2f", 100 * (p.accuracy() - base))));
        }
        return new Table("Pruning curve (masked-LM on the same seeded masks)", List.of("% heads pruned", "heads",
                "loss (nats)", "accuracy %", "Δ accuracy (points)"), rows);
    }
}
