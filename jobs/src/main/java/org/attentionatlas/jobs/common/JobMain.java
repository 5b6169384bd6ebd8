package org.attentionatlas.jobs.common;

import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelStore;
import org.attentionatlas.results.ResultsInUseException;
import org.attentionatlas.udfs.AuditSettings;
import org.attentionatlas.udfs.ModelHolder;

import java.nio.file.Paths;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The skeleton shared by the Spark jobs' {@code main}: parse the flags (exit code 2 on a bad one, before any Spark
 * session), create the session, run the job and print its summary; exit code 2 for bad input, settings or model
 * or a results folder another writer holds,
 * with the session stopped either way. Also the driver-side model provenance helpers both jobs use.
 */
public final class JobMain {

    private JobMain() {
    }

    /**
     * Runs a job and returns its exit code. {@code name} prefixes error messages and names the application
     * ("attention-atlas NAME"); {@code job} runs with the session and returns the summary line to print.
     */
    public static <C> int run(String name, String[] args, Function<String[], C> parse, Function<C, String> master,
                              BiFunction<SparkSession, C, String> job) {
        C config;
        try {
            config = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        }
        SparkSession spark = SparkSessions.create("attention-atlas " + name, master.apply(config));
        int code = 0;
        try {
            System.out.println(job.apply(spark, config));
        } catch (InputException | JobException | ResultsInUseException | IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        return code;
    }

    /** The executor's shared model for {@code settings}, loaded on the driver; an {@link JobException} if it fails. */
    public static LoadedModel loadModel(AuditSettings settings) {
        try {
            return ModelHolder.get(settings).model();
        } catch (RuntimeException e) {
            throw new JobException("cannot load model '" + settings.model() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The models directory: {@code configured}, else the {@link ModelStore#DIR_PROPERTY} property, else the
     * {@link ModelStore#DIR_ENV} variable; made absolute on the driver so executors find the same one (null if none).
     */
    public static String modelsDir(String configured) {
        String dir = configured;
        if (dir == null) {
            dir = System.getProperty(ModelStore.DIR_PROPERTY);
        }
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ModelStore.DIR_ENV);
        }
        return dir == null || dir.isBlank() ? null : Paths.get(dir).toAbsolutePath().normalize().toString();
    }
}
