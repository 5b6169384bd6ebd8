package org.attentionatlas.reports.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the report shows of one result directory; {@code specialisation} holds the head_specialisation rows,
 * {@code alignment} the align_layers and align_heads rows of the latest committed run per model revision and pair,
 * {@code alignExamples} that run's align_links rows with gold of its best layer-level aligner.
 */
public record AuditResults(String source, List<RunInfo> runs, List<HeadGroup> groups, List<AttentionSample> samples,
                           List<SpecialisedHead> specialisation, List<AlignScore> alignment,
                           List<AlignExample> alignExamples) {

    public AuditResults {
        runs = List.copyOf(runs);
        groups = List.copyOf(groups);
        samples = List.copyOf(samples);
        specialisation = List.copyOf(specialisation);
        alignment = List.copyOf(alignment);
        alignExamples = List.copyOf(alignExamples);
    }

    /** Results without alignment matrices. */
    public AuditResults(String source, List<RunInfo> runs, List<HeadGroup> groups, List<AttentionSample> samples,
                        List<SpecialisedHead> specialisation, List<AlignScore> alignment) {
        this(source, runs, groups, samples, specialisation, alignment, List.of());
    }

    /** Results without alignment rows. */
    public AuditResults(String source, List<RunInfo> runs, List<HeadGroup> groups, List<AttentionSample> samples,
                        List<SpecialisedHead> specialisation) {
        this(source, runs, groups, samples, specialisation, List.of(), List.of());
    }

    /** Results without head_specialisation rows. */
    public AuditResults(String source, List<RunInfo> runs, List<HeadGroup> groups, List<AttentionSample> samples) {
        this(source, runs, groups, samples, List.of(), List.of(), List.of());
    }

    /** The head_stats group of one model revision, dataset and language, if present. */
    public java.util.Optional<HeadGroup> group(String model, String revision, String dataset, String language) {
        return groups.stream().filter(g -> g.model().equals(model) && g.revision().equals(revision)
                && g.dataset().equals(dataset) && g.language().equals(language)).findFirst();
    }

    /** Comma-separated ids of the runs of one model revision (all runs when none match). */
    public String runIds(String model, String revision) {
        String ids = runs.stream().filter(r -> r.model().equals(model) && r.revision().equals(revision))
                .map(RunInfo::runId).sorted().collect(Collectors.joining(", "));
        return ids.isEmpty() ? runs.stream().map(RunInfo::runId).sorted().collect(Collectors.joining(", ")) : ids;
    }
}
