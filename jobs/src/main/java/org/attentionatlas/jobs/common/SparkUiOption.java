package org.attentionatlas.jobs.common;

import picocli.CommandLine.Option;

/**
 * {@code --ui true|false}: Spark's web UI (stages, tasks, executors) for the job's run, its URL printed at start. On by
 * default; the {@value #PROPERTY} system property sets the default (the tests run with it false).
 */
public final class SparkUiOption {

    public static final String PROPERTY = "atlas.spark.ui";

    @Option(names = "--ui", arity = "1", paramLabel = "true|false", defaultValue = "${sys:" + PROPERTY + ":-true}",
            description = "Spark's web UI while the job runs, bound to SPARK_LOCAL_IP (submit.sh: 127.0.0.1); its URL is printed at start")
    private boolean ui;

    public boolean enabled() {
        return ui;
    }
}
