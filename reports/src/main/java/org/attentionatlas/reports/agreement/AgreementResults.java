package org.attentionatlas.reports.agreement;

import java.util.List;

/** The latest committed agreement run of each model revision and dataset, as the report draws it. */
public record AgreementResults(List<Run> runs) {

    public AgreementResults {
        runs = List.copyOf(runs);
    }

    /** One run's rows: one per text and (attention score, attribution) pair. */
    public record Run(String runId, String model, String revision, String dataset, List<PairTau> rows) {

        public Run {
            rows = List.copyOf(rows);
        }

        public long texts() {
            return rows.stream().map(PairTau::textId).distinct().count();
        }
    }

    /** Kendall τ-b (NaN when a ranking is constant), its p-value and the top-k overlap of one text and method pair. */
    public record PairTau(String textId, String text, String target, String attention, String attribution, double tau,
                          double pValue, double topKOverlap) {

        public String pair() {
            return attention + " × " + attribution;
        }
    }
}
