package org.attentionatlas.reports.importance;

import org.attentionatlas.engine.importance.PruningCurve;

import java.util.List;

/** The latest committed head-importance run of each model revision and dataset, as the report draws it. */
public record ImportanceResults(List<Run> runs) {

    public ImportanceResults {
        runs = List.copyOf(runs);
    }

    /**
     * @param importance layer-normalised importance [layer][head]
     * @param curve      the pruning curve, fractions ascending
     */
    public record Run(String runId, String model, String revision, String dataset, long sequences, long maskedTokens,
                      double[][] importance, PruningCurve curve) {

        public int heads() {
            return importance.length * importance[0].length;
        }
    }
}
