package org.attentionatlas.jobs.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.audit.HeadStatsView;
import org.attentionatlas.jobs.audit.ResultStore;
import org.attentionatlas.jobs.bias.BiasStore;
import org.attentionatlas.jobs.audit.SparkSessions;
import org.attentionatlas.jobs.audit.Tables;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code SqlCommand --results DIR --query "SELECT …" [--master URL]}: registers the committed tables of an audit
 * output as views (documents, head_sums, runs, samples, head_stats derived from head_sums, and the bias job's
 * bias_sentences, bias_summary, bias_heads, bias_rejects, bias_runs) and prints the query's
 * result as CSV with a header line on stdout. Exit code 2 for a bad flag, a missing results directory or a bad query.
 */
public final class SqlCommand {

    private SqlCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> flags;
        try {
            flags = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sql: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSessions.create("attention-atlas sql", flags.get("master"));
        int code = 0;
        try {
            run(spark, flags.get("results"), flags.get("query"), System.out);
        } catch (Exception e) {
            if (!(e instanceof IllegalArgumentException) && !(e instanceof org.apache.spark.sql.AnalysisException)) {
                throw e;
            }
            System.err.println("sql: " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Refuses anything but a read-only query, then registers the views and prints the query's rows as CSV. */
    public static void run(SparkSession spark, String results, String query, PrintStream out) {
        ReadOnlyQuery.check(query);
        registerViews(spark, results);
        Dataset<Row> df = spark.sql(query);
        new CsvWriter(out).write(df.schema(), df.toLocalIterator());
    }

    /** One temporary view per committed table of {@code results} (audit and bias tables; empty when absent). */
    public static void registerViews(SparkSession spark, String results) {
        if (!results.contains("://") && !Files.isDirectory(Paths.get(results))) {
            throw new IllegalArgumentException("results directory " + results + " does not exist");
        }
        ResultStore store = new ResultStore(spark, results);
        for (String table : Tables.RUN_TABLES) {
            store.table(table).createOrReplaceTempView(table);
        }
        HeadStatsView.derive(spark, store.table(Tables.HEAD_SUMS), HeadStatsView.metrics("all"))
                .createOrReplaceTempView(ResultStore.HEAD_STATS);
        new BiasStore(spark, store).registerViews();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--results") && !a.equals("--query") && !a.equals("--master")) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; usage: --results DIR --query SQL [--master URL]");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            flags.put(a.substring(2), args[++i]);
        }
        if (!flags.containsKey("results") || !flags.containsKey("query")) {
            throw new IllegalArgumentException("usage: --results DIR --query SQL [--master URL]");
        }
        return flags;
    }
}
