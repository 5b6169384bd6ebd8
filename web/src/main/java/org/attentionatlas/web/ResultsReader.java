package org.attentionatlas.web;

import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.BiasTables;
import org.attentionatlas.results.LocalResults;
import org.attentionatlas.results.ResultTable;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an audit's Parquet tables with DuckDB's JDBC driver (in memory, one connection per query): a query answers
 * in milliseconds with no Spark session to start. Which files make a table comes from the results contract
 * ({@link LocalResults}: committed runs only, head_stats of the latest audit run); what a parameter may name comes
 * from the contract's column lists, so a bad name is a 400 whatever the folder holds.
 */
public final class ResultsReader {

    private final LocalResults results;

    public ResultsReader(Path root) {
        this.results = new LocalResults(root);
    }

    public Path root() {
        return results.root();
    }

    /** Committed run ids, oldest first. */
    public List<String> committedRuns() {
        return List.copyOf(results.committedRuns());
    }

    /** One row per committed run from the runs table (its config JSON left out). */
    public List<Map<String, Object>> runs() {
        String from = committed(AuditTables.RUNS);
        if (from == null) {
            return List.of();
        }
        return query("SELECT * EXCLUDE (config) FROM " + from + " ORDER BY run_id", List.of());
    }

    /** Every committed bias_summary row (with its run_id), empty when there are none. */
    public List<Map<String, Object>> biasSummary() {
        String from = committed(BiasTables.SUMMARY);
        if (from == null) {
            return List.of();
        }
        return query("SELECT * FROM " + from + " ORDER BY model, revision, dataset, metric, attention, grp, run_id",
                List.of());
    }

    /** The metrics present in the committed bias_heads rows (what {@code metric} may name). */
    public List<String> biasMetrics() {
        String from = committed(BiasTables.HEADS);
        if (from == null) {
            return List.of();
        }
        return query("SELECT DISTINCT metric FROM " + from + " WHERE metric IS NOT NULL ORDER BY metric", List.of())
                .stream().map(r -> String.valueOf(r.get("metric"))).toList();
    }

    /**
     * The {@code limit} heads with the largest |value| for one metric, from the latest committed run of each model,
     * revision and dataset (a rerun replaces its predecessor rather than listing every head twice).
     */
    public List<Map<String, Object>> biasHeads(String metric, int limit) {
        List<String> metrics = biasMetrics();
        if (metric == null || metric.isBlank()) {
            throw ApiError.badRequest("metric is required; one of " + metrics);
        }
        if (!metrics.contains(metric)) {
            throw ApiError.badRequest("unknown metric '" + Params.clip(metric) + "'; one of " + metrics);
        }
        String sql = "SELECT model, revision, dataset, grp, metric, layer, head, value, ci_low, ci_high, p_value, n, "
                + "\"rank\", run_id FROM " + committed(BiasTables.HEADS) + " WHERE metric = ? "
                + "QUALIFY run_id = max(run_id) OVER (PARTITION BY model, revision, dataset) "
                + "ORDER BY abs(value) DESC NULLS LAST, model, revision, dataset, grp, layer, head LIMIT ?";
        return query(sql, List.of(metric, limit));
    }

    /**
     * {@code read_parquet} over the partitions of {@code table} readers see (run_id read as text from the partition
     * folder), or null when there are none.
     */
    private String committed(ResultTable table) {
        List<String> files = results.visiblePartitions(table).stream()
                .map(dir -> literal(dir.resolve("*.parquet").toString())).toList();
        if (files.isEmpty()) {
            return null;
        }
        return "read_parquet([" + String.join(", ", files) + "], hive_partitioning = true, "
                + "hive_types = {'run_id': VARCHAR}, union_by_name = true)";
    }

    /** The numeric statistic columns of head_stats in the results contract (what {@code stat} may name). */
    public Set<String> statistics() {
        return AuditTables.statisticColumns();
    }

    /** Heads with one statistic, optionally only those of one role and model. */
    public List<Map<String, Object>> heads(String stat, String role, String model) {
        Set<String> stats = statistics();
        if (!stats.contains(stat)) {
            throw ApiError.badRequest("unknown statistic '" + Params.clip(stat == null ? "" : stat) + "'; one of " + stats);
        }
        if (!hasHeadStats()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT model, revision, dataset, language, layer, head, role, \""
                + stat + "\" AS value FROM " + headStats() + " WHERE 1 = 1");
        if (role != null && !role.isBlank()) {
            sql.append(" AND role = ?");
            args.add(role);
        }
        if (model != null && !model.isBlank()) {
            sql.append(" AND model = ?");
            args.add(model);
        }
        sql.append(" ORDER BY model, dataset, language, layer, head");
        return query(sql.toString(), args);
    }

    /** Layers and heads of the largest model in head_stats, so a filtered grid keeps its shape. */
    public Map<String, Object> grid() {
        if (!hasHeadStats()) {
            return Map.of("layers", 0, "heads", 0);
        }
        return query("SELECT max(layer) + 1 AS layers, max(head) + 1 AS heads FROM " + headStats(), List.of()).get(0);
    }

    public List<String> roles() {
        if (!hasHeadStats()) {
            return List.of();
        }
        return query("SELECT DISTINCT role FROM " + headStats() + " ORDER BY role", List.of()).stream()
                .map(r -> String.valueOf(r.get("role"))).toList();
    }

    private boolean hasHeadStats() {
        return headStats() != null;
    }

    private String headStats() {
        return committed(AuditTables.HEAD_STATS);
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static List<Map<String, Object>> query(String sql, List<Object> args) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement st = c.prepareStatement(sql)) {
            try (Statement set = c.createStatement()) {
                set.execute("SET autoinstall_known_extensions = false");
                set.execute("SET autoload_known_extensions = false");
            }
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), value(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading results failed: " + e.getMessage(), e);
        }
    }

    private static Object value(Object o) throws SQLException {
        if (o instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                out.add(value(item));
            }
            return out;
        }
        if (o instanceof Double d && !Double.isFinite(d) || o instanceof Float f && !Float.isFinite(f)) {
            return null; // JSON has no NaN
        }
        if (o instanceof Number || o instanceof String || o instanceof Boolean || o == null) {
            return o;
        }
        return o.toString();
    }
}
