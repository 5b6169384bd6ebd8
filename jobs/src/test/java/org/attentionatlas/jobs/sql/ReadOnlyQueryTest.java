package org.attentionatlas.jobs.sql;

import org.attentionatlas.jobs.cli.AtlasCommand;
import org.attentionatlas.jobs.testing.ChildJvm;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sql} runs queries only: every statement that could write is refused on its parsed plan, before Spark runs. */
class ReadOnlyQueryTest {

    @TempDir
    Path dir;

    /** Statement → the plan node the refusal must name. */
    private static final Map<String, String> WRITES = Map.ofEntries(
            Map.entry("INSERT INTO documents SELECT * FROM documents", "InsertIntoStatement"),
            Map.entry("INSERT OVERWRITE DIRECTORY '/tmp/atlas-x' USING parquet SELECT * FROM samples", "InsertIntoDir"),
            Map.entry("CREATE TABLE t (a INT) USING parquet LOCATION '/tmp/atlas-y'", "CreateTable"),
            Map.entry("CREATE TABLE t USING parquet AS SELECT 1 AS a", "CreateTableAsSelect"),
            Map.entry("DROP TABLE documents", "DropTable"),
            Map.entry("CACHE TABLE documents", "CacheTable"),
            Map.entry("SET spark.sql.shuffle.partitions=1", "SetCommand"),
            Map.entry("WITH x AS (SELECT 1 AS a) INSERT INTO documents SELECT * FROM x", "InsertIntoStatement"),
            Map.entry("CREATE TEMPORARY VIEW v AS SELECT 1", "CreateViewCommand"),
            Map.entry("ADD JAR /tmp/evil.jar", "AddJarsCommand"),
            Map.entry("EXPLAIN INSERT INTO documents SELECT 1", "InsertIntoStatement"),
            Map.entry("SELECT * FROM IDENTIFIER('documents')", "PlanWithUnresolvedIdentifier"));

    @Test
    void everyStatementThatCouldWriteIsRefusedWithOneLineNamingIt() {
        WRITES.forEach((sql, node) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadOnlyQuery.check(sql), sql);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("sql is read-only") && e.getMessage().contains("refused " + node + " "),
                    sql + " -> " + e.getMessage());
        });
    }

    @Test
    void aStringOfTwoStatementsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReadOnlyQuery.check("SELECT 1; DROP TABLE documents"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the query does not parse as one statement"), e.getMessage());
    }

    @Test
    void queriesShowDescribeAndExplainAreAccepted() {
        for (String sql : List.of(
                "SELECT layer, head, round(prev_mass, 3) AS prev_mass, role FROM head_stats WHERE language = 'en' "
                        + "ORDER BY prev_mass DESC LIMIT 10",
                "SELECT a.layer, a.head, a.entropy_mean - b.entropy_mean AS delta FROM head_stats a JOIN head_stats b "
                        + "USING (model, dataset, language, layer, head) WHERE b.revision <> a.revision",
                "SELECT language, layer, round(avg(distance_mean), 2) FROM head_stats GROUP BY language, layer "
                        + "HAVING count(*) > 1 ORDER BY language, layer",
                "WITH top AS (SELECT * FROM head_stats WHERE tokens > 0) SELECT count(*) FROM top",
                "SELECT * FROM documents WHERE doc_id IN (SELECT doc_id FROM samples) UNION SELECT * FROM documents",
                "SELECT *, row_number() OVER (PARTITION BY layer ORDER BY head) FROM head_stats",
                "VALUES (1, 2)", "TABLE runs",
                "SHOW TABLES", "SHOW COLUMNS IN head_stats", "SHOW FUNCTIONS", "SHOW DATABASES",
                "DESCRIBE head_stats", "DESCRIBE TABLE runs", "DESCRIBE FUNCTION abs", "DESCRIBE QUERY SELECT 1",
                "EXPLAIN SELECT count(*) FROM documents", "EXPLAIN EXTENDED WITH x AS (SELECT 1) SELECT * FROM x")) {
            assertDoesNotThrow(() -> ReadOnlyQuery.check(sql), sql);
        }
    }

    @Test
    void sqlCommandRefusesWritesBeforeTouchingTheResultsFolder() throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.createDirectories(results.resolve("samples/run_id=r1"));
        Files.writeString(results.resolve("samples/run_id=r1/part-0.parquet"), "committed rows");
        Files.createDirectories(results.resolve("_commits"));
        Files.writeString(results.resolve("_commits/r1"), "committed");
        Map<String, String> before = tree(dir);
        for (String sql : List.of(
                "INSERT OVERWRITE DIRECTORY '" + results.resolve("samples") + "' USING parquet SELECT 1 AS a",
                "INSERT INTO documents SELECT * FROM documents",
                "CREATE TABLE t (a INT) USING parquet LOCATION '" + dir.resolve("elsewhere") + "'")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThrows(IllegalArgumentException.class,
                    () -> SqlCommand.run(SharedSpark.get(), results.toString(), sql, new PrintStream(out)), sql);
            assertEquals(0, out.size(), sql);
            assertEquals(before, tree(dir), sql);
        }
    }

    @Test
    void theCommandExitsTwoWithOneLineAndNeverCreatesSparkWarehouseInTheWorkingFolder() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Path work = Files.createDirectories(dir.resolve("work"));

        Process refused = start(work, results, "CREATE TABLE t (a INT) USING parquet LOCATION '" + work.resolve("t") + "'");
        String refusedOutput = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, refused.exitValue(), refusedOutput);
        List<String> sqlLines = refusedOutput.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, sqlLines.size(), refusedOutput);
        assertTrue(sqlLines.get(0).startsWith("error: sql is read-only") && sqlLines.get(0).contains("CreateTable"),
                refusedOutput);
        assertFalse(refusedOutput.contains("\tat "), "no stack trace: " + refusedOutput);

        Process shown = start(work, results, "SHOW TABLES");
        String shownOutput = new String(shown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shown.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, shown.exitValue(), shownOutput);
        assertTrue(shownOutput.contains(",head_stats,"), shownOutput);

        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the working folder stays empty (no spark-warehouse/)");
        }
    }

    private static Process start(Path work, Path results, String sql) throws IOException {
        ProcessBuilder pb = ChildJvm.builder(AtlasCommand.class.getName(),
                List.of("sql", "--results", results.toString(), "--query", sql), null);
        return pb.directory(work.toFile()).start();
    }

    /** Every file and folder under {@code root} with its content, to compare before and after. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return files;
    }
}
