package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.HeadRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Derives head_stats from head_sums (every committed run's and the committing run's own): sums added up per (model,
 * revision, dataset, language, layer, head) and divided by the query positions summed, so a run over new documents
 * only, merged with earlier runs, equals one run over everything. The audit writes the result as its run's
 * head_stats partition, published by the run's commit marker.
 */
public final class HeadStatsView {

    private HeadStatsView() {
    }

    /** The statistics to show: "all" or a comma-separated list of head_stats column names. */
    public static List<HeadStat> metrics(String setting) {
        List<HeadStat> out = new ArrayList<>();
        if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("all")) {
            out.addAll(List.of(HeadStat.values()));
            return out;
        }
        for (String name : setting.split(",")) {
            String n = name.trim();
            HeadStat found = null;
            for (HeadStat s : HeadStat.values()) {
                if (s.column().equals(n) || s.name().equalsIgnoreCase(n)) {
                    found = s;
                }
            }
            if (found == null) {
                StringJoiner known = new StringJoiner(", ");
                for (HeadStat s : HeadStat.values()) {
                    known.add(s.column());
                }
                throw new IllegalArgumentException("unknown metric '" + n + "'; known: " + known);
            }
            out.add(found);
        }
        return out;
    }

    /** head_stats from a head_sums dataset with its run_id column. The role needs every positional statistic. */
    public static Dataset<Row> derive(SparkSession spark, Dataset<Row> headSums, List<HeadStat> metrics) {
        String view = "atlas_head_sums_" + Long.toHexString(System.nanoTime());
        headSums.createOrReplaceTempView(view);
        StringJoiner sums = new StringJoiner(", ");
        for (HeadStat s : HeadStat.values()) {
            for (String c : List.of(AuditTables.sumColumn(s), AuditTables.sumSquaresColumn(s),
                    AuditTables.sumTimesTokensColumn(s))) {
                sums.add("sum(" + c + ") AS " + c);
            }
        }
        int buckets = OffsetBuckets.count();
        StringJoiner means = new StringJoiner(", ");
        for (HeadStat s : HeadStat.values()) {
            means.add(AuditTables.sumColumn(s) + " / tokens AS " + s.column());
            means.add(standardError(s) + " AS " + AuditTables.seColumn(s));
        }
        String grouped = "SELECT model, revision, dataset, language, layer, head, " + sums
                + ", aggregate(collect_list(offset_sums), array_repeat(CAST(0 AS DOUBLE), " + buckets + "),"
                + " (acc, x) -> zip_with(acc, x, (a, b) -> a + b)) AS offset_total,"
                + " sum(query_tokens) AS tokens, sum(query_tokens_sq) AS tokens_sq, sum(sequences) AS sequences, sum(documents) AS documents,"
                + " count(DISTINCT run_id) AS runs"
                + " FROM " + view + " GROUP BY model, revision, dataset, language, layer, head";
        String withMeans = "SELECT model, revision, dataset, language, layer, head, " + means
                + ", transform(offset_total, v -> v / tokens) AS offset_hist, tokens, sequences, documents, runs"
                + " FROM (" + grouped + ")";
        StringJoiner shown = new StringJoiner(", "); // statistics not asked for stay as null columns
        for (HeadStat s : HeadStat.values()) {
            shown.add(metrics.contains(s) ? s.column() : "CAST(NULL AS DOUBLE) AS " + s.column());
        }
        StringJoiner errors = new StringJoiner(", ");
        for (HeadStat s : HeadStat.values()) {
            String se = AuditTables.seColumn(s);
            errors.add(metrics.contains(s) ? se : "CAST(NULL AS DOUBLE) AS " + se);
        }
        String sql = "SELECT model, revision, dataset, language, layer, head, " + shown
                + ", offset_hist, tokens, sequences, documents, runs, " + HeadRoles.sql() + " AS role, " + errors
                + " FROM (" + withMeans + ") ORDER BY model, revision, dataset, language, layer, head";
        return spark.sql(sql);
    }

    /**
     * The ratio estimator's standard error with documents as units (as {@code HeadSums.standardError}):
     * √(N/(N−1) · (Σy² − 2R·Σyn + R²·Σn²)) / Σn, R = Σy / Σn; null below two documents.
     */
    private static String standardError(HeadStat s) {
        String r = "(" + AuditTables.sumColumn(s) + " / tokens)";
        String residual = AuditTables.sumSquaresColumn(s) + " - 2 * " + r + " * " + AuditTables.sumTimesTokensColumn(s)
                + " + " + r + " * " + r + " * tokens_sq";
        return "CASE WHEN documents >= 2 AND tokens > 0 THEN sqrt(greatest(CAST(0 AS DOUBLE), " + residual
                + ") * documents / (documents - 1)) / tokens END";
    }
}
