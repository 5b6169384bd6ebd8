package org.attentionatlas.reports.bias;

import java.util.List;

/**
 * What the report shows of the bias tables of one result directory.
 *
 * @param runs     one per committed bias run
 * @param summary  rows of bias_summary
 * @param heads    per-head grids of bias_heads, one per (model, revision, dataset, group, metric)
 * @param examples sentence pairs to show side by side
 */
public record BiasResults(List<Run> runs, List<SummaryRow> summary, List<HeadGrid> heads, List<ExamplePair> examples) {

    public BiasResults {
        runs = List.copyOf(runs);
        summary = List.copyOf(summary);
        heads = List.copyOf(heads);
        examples = List.copyOf(examples);
    }

    /** A bias_runs row. */
    public record Run(String runId, String model, String revision, String datasets, long seed, int bootstrap,
                      long sentences, long scored, long rejected, String notes) {
    }

    /** A bias_summary row; {@code ciLow}, {@code ciHigh}, {@code pValue} are NaN when absent. */
    public record SummaryRow(String runId, String model, String revision, String dataset, String group, String metric,
                             String attention, double estimate, double ciLow, double ciHigh, int n, double pValue) {
    }

    /** One head's value with its CI / p-value and its rank by |value| (1 = most biased). */
    public record HeadValue(int layer, int head, double value, double ciLow, double ciHigh, double pValue, int rank) {
    }

    /** A metric over every head: {@code values[layer][head]}, and the heads in rank order. */
    public record HeadGrid(String runId, String model, String revision, String dataset, String group, String metric,
                           double[][] values, List<HeadValue> ranked) {
    }

    /**
     * Two sentences that differ in the pronoun (pro/anti or male/female), each with its words, the pronoun's row of
     * head-averaged word attention and its score.
     */
    public record ExamplePair(String runId, String model, String revision, String dataset, String id, Side first,
                              Side second) {
    }

    /** One sentence of an {@link ExamplePair}: {@code words} are its word units, special tokens included. */
    public record Side(String variant, String pronoun, String text, String[] words, double[] pronounRow,
                       double score) {
    }
}
