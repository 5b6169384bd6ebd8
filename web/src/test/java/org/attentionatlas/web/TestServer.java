package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/** One in-process server per test JVM on a free port with minilm-l6 and a small results folder made here. */
final class TestServer {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static AtlasServer server;

    private TestServer() {
    }

    static synchronized String base() {
        if (server == null) {
            try {
                Path results = Files.createTempDirectory("atlas-web-results");
                ResultsFixture.write(results);
                server = AtlasServer.start(new ServerConfig("127.0.0.1", 0, results,
                        Map.of("minilm-l6", "minilm-l6"), 16));
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return "http://127.0.0.1:" + server.port();
    }

    static Path artifacts() throws IOException {
        Path dir = Paths.get(System.getProperty("atlas.web.artifacts", "target/test-artifacts"));
        return Files.createDirectories(dir);
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> postRun(String model, String text) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("model", model, "text", text));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/run")).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** head_stats and runs tables as the audit writes them (a subset of the columns), through DuckDB. */
    static final class ResultsFixture {

        static void write(Path root) throws IOException, SQLException {
            String run = "20261125T000000Z-abcdef";
            Files.createDirectories(root.resolve("_commits"));
            Files.writeString(root.resolve("_commits").resolve(run), "");
            Files.createDirectories(root.resolve("head_stats").resolve("run_id=" + run));
            Files.createDirectories(root.resolve("runs").resolve("run_id=" + run));
            // an uncommitted run that must stay invisible
            Files.createDirectories(root.resolve("runs").resolve("run_id=uncommitted"));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT " + headStatsColumns() + " FROM range(6) t1(l), range(12) t2(h)) TO '"
                        + root.resolve("head_stats/run_id=" + run + "/part-0.parquet") + "' (FORMAT parquet)");
                s.execute("COPY (SELECT 'minilm-l6' AS model, 'r1' AS revision, 'bundled' AS dataset, "
                        + "'2026-11-25T00:00:00Z' AS started_at, 325 AS documents_new, 9000 AS tokens, '{}' AS config) "
                        + "TO '" + root.resolve("runs/run_id=" + run + "/part-0.parquet") + "' (FORMAT parquet)");
                s.execute("COPY (SELECT 'other' AS model, 'r0' AS revision, 'x' AS dataset, '' AS started_at, "
                        + "1 AS documents_new, 1 AS tokens, '{}' AS config) TO '"
                        + root.resolve("runs/run_id=uncommitted/part-0.parquet") + "' (FORMAT parquet)");
            }
            writeBias(root);
        }

        /** Every head_stats column of the results contract: a previous-token head 3 in each layer, the rest mixed. */
        private static String headStatsColumns() {
            java.util.StringJoiner columns = new java.util.StringJoiner(", ");
            for (org.attentionatlas.results.Column c : org.attentionatlas.results.AuditTables.HEAD_STATS.columns()) {
                String value = switch (c.name()) {
                    case "model" -> "'minilm-l6'";
                    case "revision" -> "'r1'";
                    case "dataset" -> "'bundled'";
                    case "language" -> "'en'";
                    case "layer" -> "CAST(l AS INTEGER)";
                    case "head" -> "CAST(h AS INTEGER)";
                    case "entropy_mean" -> "1.0 + l * 0.1 + h * 0.01";
                    case "prev_mass" -> "CASE WHEN h = 3 THEN 0.8 ELSE 0.1 END";
                    case "role" -> "CASE WHEN h = 3 THEN 'previous-token' ELSE 'mixed' END";
                    default -> switch (c.type()) {
                        case DOUBLE -> "0.05";
                        case LONG -> "CAST(100 AS BIGINT)";
                        case DOUBLE_ARRAY -> "[0.5, 0.5]";
                        default -> throw new IllegalStateException("no fixture value for " + c);
                    };
                };
                columns.add(value + " AS " + c.name());
            }
            return columns.toString();
        }

        static final String BIAS_RUN = "20261125T010000Z-b1a5ed";

        /**
         * bias_summary and bias_heads as the bias job writes them (a subset of the columns): one committed run, and a
         * later run with no {@code _commits} marker whose rows must never show.
         */
        static void writeBias(Path root) throws IOException, SQLException {
            String hidden = "20261125T020000Z-hidden";
            Files.createDirectories(root.resolve("_commits"));
            Files.writeString(root.resolve("_commits").resolve(BIAS_RUN), "");
            for (String run : new String[] {BIAS_RUN, hidden}) {
                Files.createDirectories(root.resolve("bias_summary").resolve("run_id=" + run));
                Files.createDirectories(root.resolve("bias_heads").resolve("run_id=" + run));
            }
            String summary = "SELECT * FROM (VALUES "
                    + "('minilm-l6', 'r1', 'winobias', 'all', 'coref_gap', 'head_avg', 0.0188, 0.0167, 0.0211, 792, 0.001),"
                    + "('minilm-l6', 'r1', 'winobias', 'all', 'coref_gap', 'rollout', 0.0058, 0.0051, 0.0064, 792, 0.002),"
                    + "('minilm-l6', 'r1', 'probes', 'en', 'association_rho', 'head_avg', 0.573, 'NaN'::DOUBLE, "
                    + "'NaN'::DOUBLE, 24, 0.0038)) t(model, revision, dataset, grp, metric, attention, estimate, "
                    + "ci_low, ci_high, n, p_value)";
            String heads = "SELECT 'minilm-l6' AS model, 'r1' AS revision, 'winobias' AS dataset, 'all' AS grp, "
                    + "'coref_gap' AS metric, l AS layer, h AS head, "
                    + "(CASE WHEN l = 4 AND h = 7 THEN -0.09 WHEN l = 2 AND h = 3 THEN 0.05 ELSE 0.001 * h END)::DOUBLE "
                    + "AS value, 0.0::DOUBLE AS ci_low, 0.1::DOUBLE AS ci_high, 0.01::DOUBLE AS p_value, 792::BIGINT AS n "
                    + "FROM range(6) t1(l), range(12) t2(h) "
                    + "UNION ALL SELECT 'minilm-l6', 'r1', 'probes', 'en', 'she_minus_he', 1, 5, -0.02, -0.03, -0.01, "
                    + "0.02, 150";
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * REPLACE (estimate::DOUBLE AS estimate, ci_low::DOUBLE AS ci_low, "
                        + "ci_high::DOUBLE AS ci_high, n::BIGINT AS n, p_value::DOUBLE AS p_value) FROM (" + summary
                        + ")) TO '" + root.resolve("bias_summary/run_id=" + BIAS_RUN
                        + "/part-0.parquet") + "' (FORMAT parquet)");
                s.execute("COPY (SELECT *, row_number() OVER (PARTITION BY metric ORDER BY abs(value) DESC) AS rank "
                        + "FROM (" + heads + ")) TO '" + root.resolve("bias_heads/run_id=" + BIAS_RUN
                        + "/part-0.parquet") + "' (FORMAT parquet)");
                s.execute("COPY (SELECT 'other' AS model, 'r0' AS revision, 'winobias' AS dataset, 'all' AS grp, "
                        + "'coref_gap' AS metric, 'head_avg' AS attention, 9.5 AS estimate, 9.0 AS ci_low, "
                        + "10.0 AS ci_high, 1 AS n, 0.5 AS p_value) TO '" + root.resolve("bias_summary/run_id="
                        + hidden + "/part-0.parquet") + "' (FORMAT parquet)");
                s.execute("COPY (SELECT 'minilm-l6' AS model, 'r1' AS revision, 'winobias' AS dataset, 'all' AS grp, "
                        + "m AS metric, 0 AS layer, 0 AS head, 9.5 AS value, 9.0 AS ci_low, 10.0 AS ci_high, "
                        + "0.5 AS p_value, 1 AS n, 1 AS rank FROM (VALUES ('coref_gap'), ('hidden_metric')) t(m)) TO '"
                        + root.resolve("bias_heads/run_id=" + hidden + "/part-0.parquet") + "' (FORMAT parquet)");
            }
        }
    }
}
