package org.attentionatlas.jobs.audit;

import org.attentionatlas.datasets.CorpusSpec;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.udfs.AuditSettings;

import java.util.Objects;

/**
 * The audit's settings, typed and checked when built ({@link AuditOptions} builds them from the command line).
 *
 * @param engine             what the executors need: model, windows, batches
 * @param corpus             what to read
 * @param dataset            dataset name recorded in every row, or null: from the input's file name
 * @param output             results folder
 * @param master             Spark master, or null: spark-submit's, else local[2]
 * @param splitChars         a document longer than this many characters is spread over several tasks (0: never)
 * @param partitions         partitions of the new documents (0: automatic)
 * @param metrics            head_stats statistic columns: "all" or a comma list
 * @param sampleSize         documents per model and revision whose raw attention is kept
 * @param progressIntervalMs console progress at most this often
 * @param minSequences       head_specialisation compares only languages with at least this many sequences
 */
public record AuditConfig(AuditSettings engine, CorpusSpec corpus, String dataset, String output, String master,
                          int splitChars, int partitions, String metrics, int sampleSize, int progressIntervalMs,
                          int minSequences) {

    public AuditConfig {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(corpus, "corpus");
        dataset = Settings.blankToNull(dataset);
        master = Settings.blankToNull(master);
        JobMain.requireOutputFolder(output);
        nonNegative("--split-chars", splitChars);
        nonNegative("--partitions", partitions);
        nonNegative("--sample-size", sampleSize);
        nonNegative("--progress-interval-ms", progressIntervalMs);
        nonNegative("--min-sequences", minSequences);
        HeadStatsView.metrics(metrics);
    }

    /** A copy reading another corpus (the dataset name recorded with it). */
    public AuditConfig withCorpus(CorpusSpec otherCorpus, String otherDataset) {
        return new AuditConfig(engine, otherCorpus, otherDataset, output, master, splitChars, partitions, metrics,
                sampleSize, progressIntervalMs, minSequences);
    }

    /** A copy writing to another folder with another master and progress interval. */
    public AuditConfig withOutput(String otherOutput, String otherMaster, int otherProgressIntervalMs) {
        return new AuditConfig(engine, corpus, dataset, otherOutput, otherMaster, splitChars, partitions, metrics,
                sampleSize, otherProgressIntervalMs, minSequences);
    }

    /** Every setting as one JSON object (sorted keys), recorded in the runs table. */
    public String toJson() {
        return Settings.json(this);
    }

    private static void nonNegative(String flag, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(flag + " must be 0 or more, got " + value);
        }
    }
}
