package org.attentionatlas.reports;

import org.attentionatlas.engine.attention.AttentionFlow;
import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.figures.FlowDiagram;
import org.attentionatlas.reports.figures.Heatmap;
import org.attentionatlas.reports.figures.HeadHeatmaps;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.figures.TokenHeatmaps;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.FigureRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Token-level figures of one sampled document: attention heatmaps, and raw / rollout / flow across layers. */
final class SampleSection {

    private final HtmlReport html;
    private final ReportOptions options;

    SampleSection(HtmlReport html, ReportOptions options) {
        this.html = html;
        this.options = options;
    }

    void write(AttentionSample full, String runIds) throws IOException {
        AttentionSample s = crop(full, options.maxMatrixTokens());
        String id = full.docId();
        html.subheading("Sample " + id, full.language() + ", 1 document, " + full.tokens().length + " tokens");
        if (s != full) {
            html.paragraph("Token-level heatmaps show the first " + s.tokens().length + " of " + full.tokens().length
                    + " tokens.");
        }
        html.beginLinkedPage("sample-" + id, "Sample " + id + " (" + full.language() + ", " + full.tokens().length
                + " tokens): token × token attention", "Token × token heatmaps: head average per layer, word level, "
                + "single heads of the first, middle and last layer →");
        html.subheading("Head average per layer");
        html.beginRow();
        for (int l = 0; l < s.layers(); l++) {
            html.figure(TokenHeatmaps.layerMean(s, l, caption(full, runIds, l, null)), id + "-layer" + l + "-mean");
        }
        html.endRow();
        html.subheading("Word level (sub-tokens merged), head average per layer");
        html.beginRow();
        for (int l = 0; l < s.layers(); l++) {
            html.figure(TokenHeatmaps.wordLevel(s, l, caption(full, runIds, l, null)), id + "-layer" + l + "-words");
        }
        html.endRow();
        html.subheading("Single heads of the first, middle and last layer");
        html.beginRow();
        for (int l : new TreeSet<>(List.of(0, s.layers() / 2, s.layers() - 1))) {
            for (int h = 0; h < s.heads(); h++) {
                html.figure(TokenHeatmaps.head(s, l, h, caption(full, runIds, l, h)), id + "-layer" + l + "-head" + h);
            }
        }
        html.endRow();
        html.endLinkedPage();
        flows(full, runIds);
    }

    private void flows(AttentionSample s, String runIds) throws IOException {
        String id = s.docId();
        html.paragraph("Attention across layers: raw, rollout and flow.");
        int n = s.tokens().length;
        if (n > options.maxFlowTokens()) {
            html.paragraph("Skipped: " + n + " tokens is more than the " + options.maxFlowTokens()
                    + " for which rollout and flow are drawn.");
            return;
        }
        Caption c = caption(s, runIds, -1, null);
        float[][][] means = s.headMeans();
        AttentionRollout rollout = AttentionRollout.of(means);
        AttentionFlow flow = AttentionFlow.of(rollout);
        int target = 0;
        String targetName = "token 0 " + s.tokens()[target];
        double[][][] raw = new double[s.layers()][][];
        for (int l = 0; l < raw.length; l++) {
            raw[l] = TokenHeatmaps.toDouble(means[l]);
        }
        int maxEdges = 6 * n;
        html.figure(new FlowDiagram("raw attention (head mean) — " + id, s.tokens(), raw, options.edgeThreshold(),
                maxEdges, c), id + "-flow-raw");
        html.figure(new FlowDiagram("attention rollout into " + targetName + " — " + id, s.tokens(),
                rollout.edgeRelevance(target), options.edgeThreshold(), maxEdges, c), id + "-flow-rollout");
        html.figure(new FlowDiagram("attention flow into " + targetName + " — " + id, s.tokens(),
                flow.edgeFlows(target), options.edgeThreshold(), maxEdges, c), id + "-flow-maxflow");

        double[][] rawRows = new double[s.layers()][];
        double[][] rolloutRows = new double[s.layers()][];
        for (int l = 1; l <= s.layers(); l++) {
            rawRows[l - 1] = raw[l - 1][target];
            rolloutRows[l - 1] = rollout.upTo(l)[target];
        }
        double[][] flowRows = flow.perLayer(target);
        ColorScale scale = ColorScale.sequential(0, 1);
        List<ChartFigure> panels = new ArrayList<>();
        String[] method = {"raw", "rollout", "flow"};
        double[][][] rows = {rawRows, rolloutRows, flowRows};
        for (int i = 0; i < 3; i++) {
            Heatmap.Spec spec = new Heatmap.Spec(method[i] + ": " + targetName + " ← input", "layer",
                    layerLabels(s.layers()), "input token", HeadHeatmaps.indexLabels(n), rows[i], scale, method[i],
                    Heatmap::number, null, n > 24 ? 12 : 22);
            panels.add(ChartFigure.panel(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), method[i]));
        }
        html.figure(new FigureRow(panels, c, "raw, rollout and flow weight of each input token for " + targetName
                + " in each layer"), id + "-per-layer-" + target);
        html.figure(TokenHeatmaps.matrix("attention rollout R = Â_L···Â_1 — " + id, s.tokens(), rollout.rollout(),
                "rollout", c), id + "-rollout-matrix");
        if (n <= options.maxFlowMatrixTokens()) {
            html.figure(TokenHeatmaps.matrix("attention flow, output ← input — " + id, s.tokens(), flow.matrix(),
                    "flow", c), id + "-flow-matrix");
        } else {
            html.paragraph("The full flow matrix (one max-flow per token pair) is drawn only up to "
                    + options.maxFlowMatrixTokens() + " tokens.");
        }
    }

    private static String[] layerLabels(int layers) {
        String[] out = new String[layers];
        for (int l = 0; l < layers; l++) {
            out[l] = Integer.toString(l + 1);
        }
        return out;
    }

    private static Caption caption(AttentionSample s, String runIds, int layer, Integer head) {
        return new Caption(runIds, s.model(), s.revision(), Queries.sample(s.docId(), layer, head),
                "1 document, " + s.tokens().length + " tokens");
    }

    /** The leading {@code max} tokens' block of every matrix (rows no longer sum to 1 when cut). */
    static AttentionSample crop(AttentionSample s, int max) {
        int n = s.tokens().length;
        if (n <= max) {
            return s;
        }
        float[][][][] a = new float[s.layers()][s.heads()][max][];
        for (int l = 0; l < s.layers(); l++) {
            for (int h = 0; h < s.heads(); h++) {
                for (int q = 0; q < max; q++) {
                    a[l][h][q] = Arrays.copyOf(s.attention()[l][h][q], max);
                }
            }
        }
        return new AttentionSample(s.docId(), s.language(), s.model(), s.revision(), s.runId(),
                Arrays.copyOf(s.tokens(), max), a);
    }
}
