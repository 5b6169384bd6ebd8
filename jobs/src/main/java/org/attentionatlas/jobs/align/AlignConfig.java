package org.attentionatlas.jobs.align;

import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.udfs.AlignSettings;

import java.util.Objects;

/**
 * The alignment job's settings, typed and checked when built ({@link AlignCommand} builds them from the command line).
 *
 * @param aligning     what the executors need: model, batches, whether to return links
 * @param input        sentence pairs: awesome-align {@code src ||| tgt} lines or a Tatoeba TSV
 * @param gold         gold links, line-aligned with the input, or null
 * @param languagePair the language pair recorded in the tables, or null: from the input file name
 * @param output       results folder
 * @param master       Spark master, or null: spark-submit's, else local[2]
 * @param partitions   partitions of the pairs (0: automatic)
 */
public record AlignConfig(AlignSettings aligning, String input, String gold, String languagePair, String output,
                          String master, int partitions) {

    public AlignConfig {
        Objects.requireNonNull(aligning, "aligning");
        input = Settings.blankToNull(input);
        gold = Settings.blankToNull(gold);
        languagePair = Settings.blankToNull(languagePair);
        master = Settings.blankToNull(master);
        if (input == null) {
            throw new IllegalArgumentException("--input is required: a file of sentence pairs");
        }
        requireFile("--input", input);
        if (gold != null) {
            requireFile("--gold", gold);
        }
        JobMain.requireOutputFolder(output);
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more, got " + partitions);
        }
    }

    private static void requireFile(String flag, String path) {
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Paths.get(path))) {
            throw new IllegalArgumentException(flag + " " + path + " does not exist or is not a file");
        }
    }

    /** Every setting as one JSON object (sorted keys), recorded in align_runs. */
    public String toJson() {
        return Settings.json(this);
    }
}
