package org.attentionatlas.jobs.bias;

import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.udfs.BiasSettings;

import java.util.List;
import java.util.Objects;

/**
 * The bias job's settings, typed and checked when built ({@link BiasCommand} builds them from the command line).
 *
 * @param scoring      what the executors need: model and batches
 * @param datasets     datasets to read, in order, each one of {@link #DATASETS}
 * @param input        folder (or file) of the datasets, or null: only the bundled probes may be read
 * @param split        WinoBias split (dev or test)
 * @param stats        WinoGender occupation statistics (folder or file), or null: under the input when present
 * @param output       results folder
 * @param master       Spark master, or null: spark-submit's, else local[2]
 * @param seed         seed of the bootstrap and permutation tests
 * @param bootstrap    bootstrap resamples of each confidence interval
 * @param permutations permutations of each association p-value
 * @param partitions   partitions of the sentences (0: automatic)
 * @param crowsEvery   score only the CrowS-Pairs pairs whose id is divisible by this
 * @param progressIntervalMs console progress at most this often on a terminal
 */
public record BiasConfig(BiasSettings scoring, List<String> datasets, String input, String split, String stats,
                         String output, String master, long seed, int bootstrap, int permutations, int partitions,
                         int crowsEvery, int progressIntervalMs) {

    public static final List<String> DATASETS = List.of("winobias", "winogender", "crows-pairs", "probes");

    public BiasConfig {
        Objects.requireNonNull(scoring, "scoring");
        datasets = List.copyOf(datasets);
        input = Settings.blankToNull(input);
        stats = Settings.blankToNull(stats);
        master = Settings.blankToNull(master);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("--dataset names no dataset; known: " + DATASETS);
        }
        for (String d : datasets) {
            if (!DATASETS.contains(d)) {
                throw new IllegalArgumentException("unknown dataset '" + d + "'; known: " + DATASETS);
            }
            if (!d.equals("probes") && input == null) {
                throw new IllegalArgumentException("--input is required for dataset " + d);
            }
        }
        if (!List.of("dev", "test").contains(split)) {
            throw new IllegalArgumentException("--split must be dev or test, got '" + split + "'");
        }
        JobMain.requireOutputFolder(output);
        positive("--bootstrap", bootstrap);
        positive("--permutations", permutations);
        positive("--crows-every", crowsEvery);
        if (progressIntervalMs < 0) {
            throw new IllegalArgumentException("--progress-interval-ms must be 0 or more, got " + progressIntervalMs);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more, got " + partitions);
        }
    }

    /** Every setting as one JSON object (sorted keys), recorded in bias_runs. */
    public String toJson() {
        return Settings.json(this);
    }

    private static void positive(String flag, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }
}
