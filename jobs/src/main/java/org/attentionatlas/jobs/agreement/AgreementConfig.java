package org.attentionatlas.jobs.agreement;

import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.udfs.AgreementSettings;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * The agreement job's settings, typed and checked when built ({@link AgreementCommand} builds them).
 *
 * @param scoring    what the executors need: model, IG steps, k, chunk size
 * @param input      the WinoBias folder
 * @param split      the WinoBias split (file suffix: dev, test)
 * @param limit      at most this many WinoBias pairs per type (0: all)
 * @param output     results folder
 * @param master     Spark master, or null: spark-submit's, else local[2]
 * @param partitions partitions of the texts (0: automatic)
 */
public record AgreementConfig(AgreementSettings scoring, String input, String split, int limit, String output,
                              String master, int partitions) {

    public AgreementConfig {
        Objects.requireNonNull(scoring, "scoring");
        master = Settings.blankToNull(master);
        if (input == null || !Files.isDirectory(Paths.get(input))) {
            throw new IllegalArgumentException("--input " + input + " is not a folder (the WinoBias files)");
        }
        if (limit < 0 || partitions < 0) {
            throw new IllegalArgumentException("--limit and --partitions must be 0 or more");
        }
        JobMain.requireOutputFolder(output);
    }

    /** Every setting as one JSON object (sorted keys), recorded in agreement_runs. */
    public String toJson() {
        return Settings.json(this);
    }
}
