package org.attentionatlas.jobs.agreement;

import org.attentionatlas.engine.cli.ModelOptions;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.SparkJobOptions;
import org.attentionatlas.jobs.common.SparkUiOption;
import org.attentionatlas.udfs.AgreementSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code agreement}: does attention rank the tokens as the attributions do? ({@link AgreementJob}). */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Kendall tau and top-k overlap between attention-derived token scores and gradient / "
                + "leave-one-out attributions over WinoBias sentences (a Spark job).")
public final class AgreementCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions model;

    @Mixin
    private SparkJobOptions job;

    @Mixin
    private SparkUiOption ui;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "data/winobias", description = "the WinoBias folder")
    private String input;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "dev", description = "WinoBias split (file suffix)")
    private String split;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "at most N sentence pairs per WinoBias type (0: all)")
    private int limit;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "32", description = "integrated-gradients steps")
    private int steps;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "3", description = "k of the top-k overlap")
    private int topK;

    @Option(names = "--chunk-texts", paramLabel = "N", defaultValue = "32", description = "texts a task holds at once")
    private int chunkTexts;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "partitions of the texts (0: automatic)")
    private int partitions;

    /** The settings the command line {@code args} give, as {@code agreement} would run them. */
    public static AgreementConfig config(String... args) {
        AgreementCommand command = new AgreementCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    AgreementConfig config() {
        AgreementSettings settings = new AgreementSettings(job.modelSettings(model), steps, topK, chunkTexts);
        return new AgreementConfig(settings, input, split, limit, job.output(), job.master(), partitions);
    }

    @Override
    public Integer call() {
        AgreementConfig config = config();
        JobMain.run("agreement", config.master(), ui.enabled(),
                spark -> new AgreementJob(spark, config, System.out).run());
        return 0;
    }
}
