package org.attentionatlas.jobs.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.SparkSessions;
import org.attentionatlas.results.ResultsLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

/**
 * {@code sql}: registers every table of the results contract as a view of what the commit markers publish
 * (documents, head_sums, runs, samples, head_stats of the latest audit run, the bias job's bias_sentences,
 * bias_summary, bias_heads, bias_rejects, bias_runs, and the alignment job's align_layers, align_heads, align_links,
 * align_rejects, align_runs) and prints the query's result as CSV with a header line.
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

    /** Refuses anything but a read-only query, then registers the views and prints the query's rows as CSV. */
    public static void run(SparkSession spark, String results, String query, PrintStream out) {
        ReadOnlyQuery.check(query);
        registerViews(spark, results);
        Dataset<Row> df = spark.sql(query);
        new CsvWriter(out).write(df.schema(), df.toLocalIterator());
    }

    /** One temporary view per committed table of {@code results} (every table of the contract; empty when absent). */
    public static void registerViews(SparkSession spark, String results) {
        requireResults(results);
        new ResultStore(spark, results).registerViews(ResultsLayout.TABLES);
    }

    private static void requireResults(String results) {
        if (!results.contains("://") && !Files.isDirectory(Paths.get(results))) {
            throw new IllegalArgumentException("results directory " + results + " does not exist");
        }
    }
}
