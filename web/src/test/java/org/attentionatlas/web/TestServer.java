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
            Files.createDirectories(root.resolve("head_stats"));
            Files.createDirectories(root.resolve("runs").resolve("run_id=" + run));
            // an uncommitted run that must stay invisible
            Files.createDirectories(root.resolve("runs").resolve("run_id=uncommitted"));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT 'minilm-l6' AS model, 'r1' AS revision, 'bundled' AS dataset, 'en' AS language, "
                        + "l AS layer, h AS head, 1.0 + l * 0.1 + h * 0.01 AS entropy_mean, "
                        + "CASE WHEN h = 3 THEN 0.8 ELSE 0.1 END AS prev_mass, "
                        + "CASE WHEN h = 3 THEN 'previous-token' ELSE 'mixed' END AS role "
                        + "FROM range(6) t1(l), range(12) t2(h)) TO '" + root.resolve("head_stats/part-0.parquet")
                        + "' (FORMAT parquet)");
                s.execute("COPY (SELECT 'minilm-l6' AS model, 'r1' AS revision, 'bundled' AS dataset, "
                        + "'2026-11-25T00:00:00Z' AS started_at, 325 AS documents_new, 9000 AS tokens, '{}' AS config) "
                        + "TO '" + root.resolve("runs/run_id=" + run + "/part-0.parquet") + "' (FORMAT parquet)");
                s.execute("COPY (SELECT 'other' AS model, 'r0' AS revision, 'x' AS dataset, '' AS started_at, "
                        + "1 AS documents_new, 1 AS tokens, '{}' AS config) TO '"
                        + root.resolve("runs/run_id=uncommitted/part-0.parquet") + "' (FORMAT parquet)");
            }
        }
    }
}
