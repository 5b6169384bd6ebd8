package org.attentionatlas.jobs.bias;

import org.attentionatlas.engine.bias.Bootstrap;
import org.attentionatlas.engine.bias.PermutationTest;
import org.attentionatlas.engine.cli.ModelOptions;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.SparkUiOption;
import org.attentionatlas.jobs.common.SparkJobOptions;
import org.attentionatlas.udfs.BiasSettings;
import org.attentionatlas.udfs.ModelSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bias}: the bias job ({@link BiasJob}). */
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = "Gender and cultural bias in attention (and masked-LM scores) on bias datasets (a Spark job).")
public final class BiasCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions model;

    @Mixin
    private SparkJobOptions job;

    @Mixin
    private SparkUiOption ui;

    @Option(names = "--dataset", paramLabel = "NAME,...", defaultValue = "probes",
            description = "comma list of winobias, winogender, crows-pairs, probes")
    private String dataset;

    @Option(names = "--input", paramLabel = "PATH", description = "folder of the datasets (needed for all but the bundled probes)")
    private String input;

    @Option(names = "--split", defaultValue = "dev", description = "WinoBias split: dev or test")
    private String split;

    @Option(names = "--stats", paramLabel = "PATH", description = "WinoGender occupations-stats.tsv or its folder (default: under --input)")
    private String stats;

    @Option(names = "--seed", defaultValue = "" + Bootstrap.DEFAULT_SEED, description = "seed of the resampling tests")
    private long seed;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
            description = "bootstrap resamples per confidence interval")
    private int bootstrap;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "" + PermutationTest.DEFAULT_PERMUTATIONS,
            description = "permutations per p-value")
    private int permutations;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "sentences per forward pass")
    private int batchSize;

    @Option(names = "--chunk-sentences", paramLabel = "N", defaultValue = "256", description = "sentences a task holds at once")
    private int chunkSentences;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "partitions of the sentences (0: automatic)")
    private int partitions;

    @Option(names = "--crows-every", paramLabel = "K", defaultValue = "1",
            description = "score only the CrowS-Pairs pairs whose id is divisible by K")
    private int crowsEvery;

    @Option(names = "--progress-interval-ms", paramLabel = "MS", defaultValue = "1000",
            description = "console progress at most this often on a terminal (else every 30 s)")
    private int progressIntervalMs;

    /** The settings the command line {@code args} give, as {@code bias} would run them. */
    public static BiasConfig config(String... args) {
        BiasCommand command = new BiasCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    /** The checked settings; an {@link IllegalArgumentException} naming a bad one. */
    BiasConfig config() {
        ModelSettings m = job.modelSettings(model);
        return new BiasConfig(new BiasSettings(m, batchSize, chunkSentences),
                Arrays.stream(dataset.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty()).distinct().toList(),
                input, split, stats, job.output(), job.master(), seed, bootstrap, permutations, partitions, crowsEvery,
                progressIntervalMs);
    }

    @Override
    public Integer call() {
        BiasConfig config = config();
        JobMain.run("bias", config.master(), ui.enabled(), spark -> new BiasJob(spark, config, System.out).run().describe());
        return 0;
    }
}
