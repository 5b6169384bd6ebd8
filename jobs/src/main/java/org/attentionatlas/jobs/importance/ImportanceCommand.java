package org.attentionatlas.jobs.importance;

import org.attentionatlas.datasets.CorpusFormat;
import org.attentionatlas.datasets.CorpusSpec;
import org.attentionatlas.engine.cli.ModelOptions;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.jobs.common.SparkJobOptions;
import org.attentionatlas.jobs.common.SparkUiOption;
import org.attentionatlas.udfs.ImportanceSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code importance}: head importance and the pruning curve ({@link ImportanceJob}). */
@Command(name = "importance", mixinStandardHelpOptions = true,
        description = "Head importance (Michel et al. 2019): |dL/dxi| of a gate on every head under the masked-LM "
                + "loss over a corpus, and the loss and accuracy as the least important heads are removed (a Spark job).")
public final class ImportanceCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions model;

    @Mixin
    private SparkJobOptions job;

    @Mixin
    private SparkUiOption ui;

    @Option(names = "--input", paramLabel = "PATH",
            description = "text file, folder of .txt files, .jsonl, .parquet or .csv (empty: the bundled corpus)")
    private String input;

    @Option(names = "--format", description = "auto, text, txt-dir, jsonl, parquet or csv")
    private String format;

    @Option(names = "--text-field", paramLabel = "FIELD", defaultValue = "text", description = "field or column of the text")
    private String textField;

    @Option(names = "--id-field", paramLabel = "FIELD", description = "field of document ids, which seed the masks (empty: SHA-256 of the text)")
    private String idField;

    @Option(names = "--lang-field", paramLabel = "FIELD", description = "field of language codes (the bundled corpus has one)")
    private String langField;

    @Option(names = "--languages", paramLabel = "CODE,...", split = ",",
            description = "keep only documents in these languages (none: every document)")
    private String[] languages = {};

    @Option(names = "--dataset", description = "dataset name recorded in the results (empty: the input's file name)")
    private String dataset;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8", description = "sequences per forward and backward pass")
    private int batchSize;

    @Option(names = "--max-length", paramLabel = "TOKENS", defaultValue = "128",
            description = "longest sequence, special tokens included; longer texts become consecutive windows (0: the model's)")
    private int maxLength;

    @Option(names = "--mask-rate", paramLabel = "P", defaultValue = "0.15", description = "share of tokens replaced by [MASK]")
    private double maskRate;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the masks")
    private long seed;

    @Option(names = "--fractions", paramLabel = "F,...", split = ",", defaultValue = ImportanceConfig.DEFAULT_FRACTIONS,
            description = "shares of heads pruned, least important first, ascending from 0")
    private List<Double> fractions;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "partitions of the documents (0: automatic)")
    private int partitions;

    /** The settings the command line {@code args} give, as {@code importance} would run them. */
    public static ImportanceConfig config(String... args) {
        ImportanceCommand command = new ImportanceCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    ImportanceConfig config() {
        ImportanceSettings scoring = new ImportanceSettings(job.modelSettings(model), batchSize, maxLength, maskRate, seed);
        CorpusSpec corpus = new CorpusSpec(Settings.blankToNull(input), CorpusFormat.parse(format), textField,
                Settings.blankToNull(idField), Settings.blankToNull(langField), "und");
        return new ImportanceConfig(scoring, corpus, Arrays.asList(languages), dataset, job.output(), job.master(),
                partitions, fractions);
    }

    @Override
    public Integer call() {
        ImportanceConfig config = config();
        JobMain.run("importance", config.master(), ui.enabled(),
                spark -> new ImportanceJob(spark, config, System.out).run().describe());
        return 0;
    }
}
