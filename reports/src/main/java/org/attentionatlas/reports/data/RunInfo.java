package org.attentionatlas.reports.data;

/** One committed audit run, from the runs table. */
public record RunInfo(String runId, String model, String revision, String dataset, String startedAt, String config) {
}
