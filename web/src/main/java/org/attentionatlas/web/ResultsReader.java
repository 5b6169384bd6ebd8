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
        List<String> files = new ArrayList<>();
        for (String run : committedRuns()) {
            Path dir = root.resolve("runs").resolve("run_id=" + run);
            if (Files.isDirectory(dir)) {
                files.add(literal(dir.resolve("*.parquet").toString()));
            }
        }
        if (files.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT * EXCLUDE (config) FROM read_parquet([" + String.join(", ", files)
                + "], hive_partitioning = true) ORDER BY run_id";
        return query(sql, List.of());
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
        Path dir = root.resolve("head_stats");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
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
