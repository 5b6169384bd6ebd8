package org.attentionatlas.jobs.common;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** Builds the jobs' Spark session: the master from the flag, else spark-submit's, else local[2]. */
public final class SparkSessions {

    private SparkSessions() {
    }

    public static SparkSession create(String appName, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        if (System.getProperty("spark.sql.warehouse.dir") == null) {
            // jobs never create catalog tables; keep Spark's default spark-warehouse/ out of the working folder
            Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "attention-atlas-warehouse");
            b.config("spark.sql.warehouse.dir", warehouse.toUri().toString());
        }
        if (master != null && !master.isBlank()) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[2]");
        }
        return b.getOrCreate();
    }
}
