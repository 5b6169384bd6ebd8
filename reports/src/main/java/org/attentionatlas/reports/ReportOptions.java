package org.attentionatlas.reports;

import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.reports.data.LabelledContrast;

import java.util.List;

/**
 * Knobs of the report.
 *
 * @param scale            PNG pixels per figure pixel (2 for print)
 * @param maxSamples       sampled documents to draw token-level figures for
 * @param maxMatrixTokens  token × token heatmaps show at most this many leading tokens
 * @param maxFlowTokens    rollout / flow figures are drawn only for samples up to this length
 * @param maxFlowMatrixTokens the full flow matrix (one max-flow per token pair) only up to this length
 * @param edgeThreshold    flow diagrams drop edges lighter than this fraction of the heaviest
 * @param topHeads         rows of the ranking tables
 * @param progress         how often to print figures rendered of total (on stderr), or null: quiet
 * @param contrasts        the contrast section's pairs ({@code report --contrast}), empty for none
 * @param minSequences     a group with fewer sequences is marked too small to conclude and left out of the findings
 */
public record ReportOptions(double scale, int maxSamples, int maxMatrixTokens, int maxFlowTokens,
                            int maxFlowMatrixTokens, double edgeThreshold, int topHeads, Pacing progress,
                            List<LabelledContrast> contrasts, long minSequences) {

    public static final long DEFAULT_MIN_SEQUENCES = 50;

    public static ReportOptions defaults() {
        return new ReportOptions(1, 3, 128, 128, 64, 0.05, 15, null, List.of(), DEFAULT_MIN_SEQUENCES);
    }

    public ReportOptions withScale(double s) {
        return new ReportOptions(s, maxSamples, maxMatrixTokens, maxFlowTokens, maxFlowMatrixTokens, edgeThreshold,
                topHeads, progress, contrasts, minSequences);
    }

    public ReportOptions withSamples(int n) {
        return new ReportOptions(scale, n, maxMatrixTokens, maxFlowTokens, maxFlowMatrixTokens, edgeThreshold,
                topHeads, progress, contrasts, minSequences);
    }

    public ReportOptions withProgress(Pacing p) {
        return new ReportOptions(scale, maxSamples, maxMatrixTokens, maxFlowTokens, maxFlowMatrixTokens, edgeThreshold,
                topHeads, p, contrasts, minSequences);
    }

    public ReportOptions withContrasts(List<LabelledContrast> c) {
        return new ReportOptions(scale, maxSamples, maxMatrixTokens, maxFlowTokens, maxFlowMatrixTokens, edgeThreshold,
                topHeads, progress, List.copyOf(c), minSequences);
    }

    public ReportOptions withMinSequences(long n) {
        return new ReportOptions(scale, maxSamples, maxMatrixTokens, maxFlowTokens, maxFlowMatrixTokens, edgeThreshold,
                topHeads, progress, contrasts, n);
    }
}
