package org.attentionatlas.reports.render;

/**
 * Where a figure's numbers came from: the audit run(s), the model and revision, a query over the result tables
 * that returns them (runnable with {@code ./submit.sh sql}) and, where the figure says how much data it rests on,
 * the sample size (empty when not given).
 */
public record Caption(String runIds, String model, String revision, String query, String sample) {

    public Caption {
        runIds = runIds == null || runIds.isBlank() ? "unknown" : runIds;
        model = model == null ? "unknown" : model;
        revision = revision == null ? "unknown" : revision;
        query = query == null ? "" : query;
        sample = sample == null ? "" : sample;
    }

    public Caption(String runIds, String model, String revision, String query) {
        this(runIds, model, revision, query, "");
    }

    /** The caption's first line under the figure (the query follows it). */
    public String provenance() {
        return "run " + runIds + " · model " + model + " @ " + revision + (sample.isEmpty() ? "" : " · sample " + sample);
    }
}
