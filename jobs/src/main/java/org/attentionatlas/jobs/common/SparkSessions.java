package org.attentionatlas.jobs.common;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/**
 * Builds the jobs' Spark session: the master from the flag, else spark-submit's, else local[2]; Spark's web UI only
 * when asked ({@link SparkUiOption}). The UI binds where {@code SPARK_LOCAL_IP} says (submit.sh: 127.0.0.1).
 */
public final class SparkSessions {

    private static final String LOOPBACK = "127.0.0.1";

    private SparkSessions() {
    }

    /** A session without the web UI (short commands, tests). */
    public static SparkSession create(String appName, String master) {
        return create(appName, master, false);
    }

    public static SparkSession create(String appName, String master, boolean ui) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", String.valueOf(ui))
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        if (System.getProperty("spark.sql.warehouse.dir") == null) {
            // jobs never create catalog tables; keep Spark's default spark-warehouse/ out of the working folder
            Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "attention-atlas-warehouse");
            b.config("spark.sql.warehouse.dir", warehouse.toUri().toString());
        }
        String effective = master != null && !master.isBlank() ? master
                : System.getProperty("spark.master", "local[2]");
        b.master(effective);
        if (effective.startsWith("local") && System.getProperty("spark.driver.host") == null) {
            // one JVM: everything on the loopback, and the UI's address reads 127.0.0.1 rather than a host name
            b.config("spark.driver.host", LOOPBACK).config("spark.driver.bindAddress", LOOPBACK);
        }
        return b.getOrCreate();
    }
}
