package org.attentionatlas.reports.render;

/**
 * Where a figure's numbers came from: the audit run(s), the model and revision, and a query over the result tables
 * that returns them (runnable with {@code ./submit.sh sql}).
 */
public record Caption(String runIds, String model, String revision, String query) {

    public Caption {
        runIds = runIds == null || runIds.isBlank() ? "unknown" : runIds;
        model = model == null ? "unknown" : model;
        revision = revision == null ? "unknown" : revision;
        query = query == null ? "" : query;
    }

    /** One line for the figure itself. */
    public String provenance() {
        return "run " + runIds + " · model " + model + " @ " + revision;
    }

    public String text() {
        return provenance() + " · query: " + query;
    }
}
