package org.attentionatlas.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an audit's Parquet tables with DuckDB's JDBC driver (in memory, one connection per query): a query answers
 * in milliseconds with no Spark session to start. Only committed runs (those with a {@code _commits/RUN} marker) are
 * read; {@code head_stats} is the derived table the audit swaps in after each commit.
 */
public final class ResultsReader {

    private static final Set<String> NUMERIC = Set.of("DOUBLE", "FLOAT", "BIGINT", "INTEGER", "DECIMAL", "HUGEINT");

    private final Path root;

    public ResultsReader(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Committed run ids, oldest first. */
    public List<String> committedRuns() {
        Path commits = root.resolve("_commits");
        if (!Files.isDirectory(commits)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(commits)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.startsWith("_"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per committed run from the runs table (its config JSON left out). */
    public List<Map<String, Object>> runs() {
        String from = committed("runs");
        if (from == null) {
            return List.of();
        }
        return query("SELECT * EXCLUDE (config) FROM " + from + " ORDER BY run_id", List.of());
    }

    /** Every committed bias_summary row (with its run_id), empty when there are none. */
    public List<Map<String, Object>> biasSummary() {
        String from = committed("bias_summary");
        if (from == null) {
            return List.of();
        }
        return query("SELECT * FROM " + from + " ORDER BY model, revision, dataset, metric, attention, grp, run_id",
                List.of());
    }

    /** The metrics present in the committed bias_heads rows (what {@code metric} may name). */
    public List<String> biasMetrics() {
        String from = committed("bias_heads");
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
                + "\"rank\", run_id FROM " + committed("bias_heads") + " WHERE metric = ? "
                + "QUALIFY run_id = max(run_id) OVER (PARTITION BY model, revision, dataset) "
                + "ORDER BY abs(value) DESC NULLS LAST, model, revision, dataset, grp, layer, head LIMIT ?";
        return query(sql, List.of(metric, limit));
    }

    /**
     * {@code read_parquet} over TABLE/run_id=R for the committed runs R that have Parquet files there (run_id read as
     * text from the partition directory), or null when there are none.
     */
    private String committed(String table) {
        List<String> files = new ArrayList<>();
        for (String run : committedRuns()) {
            Path dir = root.resolve(table).resolve("run_id=" + run);
            if (hasParquet(dir)) {
                files.add(literal(dir.resolve("*.parquet").toString()));
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        return "read_parquet([" + String.join(", ", files) + "], hive_partitioning = true, "
                + "hive_types = {'run_id': VARCHAR}, union_by_name = true)";
    }

    private static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The numeric statistic columns of head_stats (what {@code stat} may name). */
    public Set<String> statistics() {
        Set<String> out = new LinkedHashSet<>();
        if (!hasHeadStats()) {
            return out;
        }
        for (Map<String, Object> row : query("DESCRIBE SELECT * FROM " + headStats(), List.of())) {
            String type = String.valueOf(row.get("column_type"));
            String name = String.valueOf(row.get("column_name"));
            if (NUMERIC.contains(type.replaceAll("\\(.*", "")) && !name.equals("layer")
                    && !name.equals("head")) {
                out.add(name);
            }
        }
        return out;
    }

    /** Heads with one statistic, optionally only those of one role and model. */
    public List<Map<String, Object>> heads(String stat, String role, String model) {
        if (!hasHeadStats()) {
            return List.of();
        }
        Set<String> stats = statistics();
        if (!stats.contains(stat)) {
            throw ApiError.badRequest("unknown statistic '" + Params.clip(stat == null ? "" : stat) + "'; one of " + stats);
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
        return hasParquet(root.resolve("head_stats"));
    }

    private String headStats() {
        return "read_parquet(" + literal(root.resolve("head_stats").resolve("*.parquet").toString()) + ")";
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
