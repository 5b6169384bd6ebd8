package org.attentionatlas.jobs.align;

import org.attentionatlas.engine.cli.ModelOptions;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.SparkJobOptions;
import org.attentionatlas.jobs.common.SparkUiOption;
import org.attentionatlas.udfs.AlignSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code align}: the word alignment job ({@link AlignJob}). */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = "Word alignment from hidden-state similarity and from attention heads, every layer, scored "
                + "against gold (AER) when given (a Spark job).")
public final class AlignCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions model;

    @Mixin
    private SparkJobOptions job;

    @Mixin
    private SparkUiOption ui;

    @Option(names = "--input", paramLabel = "PAIRS", required = true,
            description = "sentence pairs: awesome-align 'src ||| tgt' lines (pre-split words) or a Tatoeba TSV")
    private String input;

    @Option(names = "--gold", paramLabel = "GOLD", description = "gold links, one line per pair: i-j sure, ipj possible, 1-based")
    private String gold;

    @Option(names = "--language-pair", paramLabel = "NAME", description = "language pair in the tables (default: from the input file name)")
    private String languagePair;

    @Option(names = "--links", description = "write align_links: per pair the links of the best layer/method and the best head")
    private boolean links;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16", description = "sentence pairs per forward pass")
    private int batchSize;

    @Option(names = "--chunk-pairs", paramLabel = "N", defaultValue = "128", description = "pairs a task holds at once")
    private int chunkPairs;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "partitions of the pairs (0: automatic)")
    private int partitions;

    /** The settings the command line {@code args} give, as {@code align} would run them. */
    public static AlignConfig config(String... args) {
        AlignCommand command = new AlignCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    AlignConfig config() {
        AlignSettings settings = new AlignSettings(job.modelSettings(model), batchSize, chunkPairs, links);
        return new AlignConfig(settings, input, gold, languagePair, job.output(), job.master(), partitions);
    }

    @Override
    public Integer call() {
        AlignConfig config = config();
        JobMain.run("align", config.master(), ui.enabled(), spark -> new AlignJob(spark, config, System.out).run().describe());
        return 0;
    }
}
