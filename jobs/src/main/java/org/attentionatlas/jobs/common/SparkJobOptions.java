package org.attentionatlas.jobs.common;

import org.attentionatlas.engine.cli.ModelOptions;
import org.attentionatlas.udfs.ModelSettings;
import picocli.CommandLine.Option;

/** The options every model-running Spark job shares (a picocli mixin): models folder, output, master, threads. */
public final class SparkJobOptions {

    @Option(names = "--models-dir", paramLabel = "DIR", description = "where short model names are unpacked (default: the engine's)")
    private String modelsDir;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "results", description = "results folder")
    private String output;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[2])")
    private String master;

    @Option(names = "--torch-threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads per executor JVM (0: PyTorch's default)")
    private int torchThreads;

    public String output() {
        return output;
    }

    public String master() {
        return master;
    }

    /** What the executors need to load {@code model} (full precision). */
    public ModelSettings modelSettings(ModelOptions model) {
        return new ModelSettings(model.model(), JobMain.modelsDir(Settings.blankToNull(modelsDir)), model.device(),
                false, torchThreads);
    }
}
