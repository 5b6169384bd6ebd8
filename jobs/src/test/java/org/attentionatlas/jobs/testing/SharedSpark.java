package org.attentionatlas.jobs.testing;

import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.SparkSessions;

/** One local[2] session for every Spark test of the JVM (starting Spark costs seconds). */
public final class SharedSpark {

    private static SparkSession spark;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSessions.create("atlas-tests", "local[2]");
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }
}
