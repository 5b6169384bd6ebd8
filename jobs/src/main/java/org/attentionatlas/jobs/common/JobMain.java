package org.attentionatlas.jobs.common;

import org.apache.spark.sql.SparkSession;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelStore;
import org.attentionatlas.udfs.ModelHolder;
import org.attentionatlas.udfs.ModelSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Function;

/**
 * The skeleton shared by the Spark jobs' commands: create the session, run the job and print its summary, with the
 * session stopped either way (errors go to the command-line layer: bad input is one line and exit code 2). Also the
 * driver-side checks and model helpers both jobs use.
 */
public final class JobMain {

    private JobMain() {
    }

    /**
     * Runs {@code job} in a session named "attention-atlas NAME" on {@code master} and prints its summary line; with
     * the web UI on, its URL first ({@code Spark UI: http://127.0.0.1:4040}).
     */
    public static void run(String name, String master, boolean ui, Function<SparkSession, String> job) {
        SparkSession spark = SparkSessions.create("attention-atlas " + name, master, ui);
        try {
            if (spark.sparkContext().uiWebUrl().isDefined()) {
                System.out.println("Spark UI: " + spark.sparkContext().uiWebUrl().get());
            }
            System.out.println(job.apply(spark));
        } finally {
            spark.stop();
        }
    }

    /**
     * Refuses, before any work, an {@code --output} that cannot be a results folder: a path that is a regular file
     * (or under one). URIs such as {@code hdfs://} are left to Spark.
     */
    public static void requireOutputFolder(String output) {
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("--output is empty");
        }
        if (output.contains("://")) {
            return;
        }
        for (Path p = Paths.get(output).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("--output " + output + (p.equals(Paths.get(output).toAbsolutePath())
                        ? " is a file, not a results folder" : ": " + p + " is a file, not a folder"));
            }
        }
    }

    /** The executor's shared model for {@code settings}, loaded on the driver; an {@link JobException} if it fails. */
    public static LoadedModel loadModel(ModelSettings settings) {
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
