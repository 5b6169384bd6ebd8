package org.attentionatlas.reports.data;

import java.util.List;
import java.util.stream.Collectors;

/** What the report shows of one result directory. */
public record AuditResults(String source, List<RunInfo> runs, List<HeadGroup> groups, List<AttentionSample> samples) {

    public AuditResults {
        runs = List.copyOf(runs);
        groups = List.copyOf(groups);
        samples = List.copyOf(samples);
    }

    /** Comma-separated ids of the runs of one model revision (all runs when none match). */
    public String runIds(String model, String revision) {
        String ids = runs.stream().filter(r -> r.model().equals(model) && r.revision().equals(revision))
                .map(RunInfo::runId).sorted().collect(Collectors.joining(", "));
        return ids.isEmpty() ? runs.stream().map(RunInfo::runId).sorted().collect(Collectors.joining(", ")) : ids;
    }
}
