package org.attentionatlas.jobs.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.audit.HeadStatsView;
import org.attentionatlas.jobs.audit.ResultStore;
import org.attentionatlas.jobs.bias.BiasStore;
import org.attentionatlas.jobs.audit.SparkSessions;
import org.attentionatlas.jobs.audit.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

/**
 * {@code sql}: registers the committed tables of an audit output as views (documents, head_sums, runs, samples,
 * head_stats derived from head_sums, and the bias job's bias_sentences, bias_summary, bias_heads, bias_rejects,
 * bias_runs) and prints the query's result as CSV with a header line on stdout.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "A Spark SQL query over the committed result tables, printed as CSV.")
public final class SqlCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", required = true, description = "results folder")
    private String results;

    @Option(names = "--query", paramLabel = "SQL", required = true, description = "the query")
    private String query;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[2])")
    private String master;

    @Override
    public Integer call() {
        requireResults(results);
        SparkSession spark = SparkSessions.create("attention-atlas sql", master);
        try {
            run(spark, results, query, System.out);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** Registers the views and prints the query's rows as CSV. */
    public static void run(SparkSession spark, String results, String query, PrintStream out) {
        registerViews(spark, results);
        Dataset<Row> df = spark.sql(query);
        new CsvWriter(out).write(df.schema(), df.toLocalIterator());
    }

    /** One temporary view per committed table of {@code results} (audit and bias tables; empty when absent). */
    public static void registerViews(SparkSession spark, String results) {
        requireResults(results);
        ResultStore store = new ResultStore(spark, results);
        for (String table : Tables.RUN_TABLES) {
            store.table(table).createOrReplaceTempView(table);
        }
        HeadStatsView.derive(spark, store.table(Tables.HEAD_SUMS), HeadStatsView.metrics("all"))
                .createOrReplaceTempView(ResultStore.HEAD_STATS);
        new BiasStore(spark, store).registerViews();
    }

    private static void requireResults(String results) {
        if (!results.contains("://") && !Files.isDirectory(Paths.get(results))) {
            throw new IllegalArgumentException("results directory " + results + " does not exist");
        }
    }
}
