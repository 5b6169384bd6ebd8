package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.BiasTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commit protocol: staged and uncommitted partitions are invisible to readers and removed by recovery. */
class ResultStoreTest {

    @TempDir
    Path dir;

    private static final Row DOCUMENT = TableRow.of(AuditTables.DOCUMENTS).set("doc_id", "d1").set("content_hash", "h1")
            .set("model", "m").set("revision", "r").set("dataset", "ds").set("language", "en").set("tokens", 5)
            .set("windows", 1).row();

    @Test
    void onlyCommittedRunsAreVisibleAndLeftoversAreCleaned() throws Exception {
        ResultStore store = new ResultStore(SharedSpark.get(), dir.toString());
        // run A: committed
        store.write(List.of(DOCUMENT), "A", AuditTables.DOCUMENTS);
        store.commit("A", AuditTables.ALL);
        // run B: crashed after renaming its documents into place, before its marker
        store.write(List.of(DOCUMENT), "B", AuditTables.DOCUMENTS);
        Files.move(Path.of(java.net.URI.create(store.staging("B", AuditTables.DOCUMENTS))),
                dir.resolve("documents/run_id=B"));
        // run C: crashed while writing to staging
        store.write(List.of(DOCUMENT), "C", AuditTables.DOCUMENTS);

        assertEquals(List.of("A"), List.copyOf(store.committedRuns()));
        assertEquals(1, store.table(AuditTables.DOCUMENTS).count(), "readers ignore uncommitted runs");
        assertEquals("A", store.table(AuditTables.DOCUMENTS).first().getAs("run_id"));

        List<String> removed = store.recover();
        assertEquals(3, removed.size(), removed.toString()); // _staging/B, _staging/C, documents/run_id=B
        assertFalse(Files.exists(dir.resolve("documents/run_id=B")));
        assertFalse(Files.exists(dir.resolve("_staging/C")));
        assertTrue(Files.exists(dir.resolve("documents/run_id=A")));
        assertEquals(1, store.table(AuditTables.DOCUMENTS).count());
    }

    @Test
    void headStatsAreTheLatestCommittedAuditRunsAndACommitPrunesOlderOnes() throws Exception {
        SparkSession spark = SharedSpark.get();
        ResultStore store = new ResultStore(spark, dir.toString());
        Row first = headStatsRow(1L);
        store.write(List.of(first), "R1", AuditTables.HEAD_STATS);
        store.commit("R1", AuditTables.ALL);
        store.write(List.of(headStatsRow(2L)), "R2", AuditTables.HEAD_STATS);
        store.commit("R2", AuditTables.ALL);
        // a bias run commits after them without head_stats; an audit run crashes before its marker
        store.write(List.of(), "R3", BiasTables.SUMMARY);
        store.commit("R3", BiasTables.ALL);
        store.write(List.of(headStatsRow(4L)), "R4", AuditTables.HEAD_STATS);
        Files.move(Path.of(java.net.URI.create(store.staging("R4", AuditTables.HEAD_STATS))),
                dir.resolve("head_stats/run_id=R4"));

        List<Row> visible = store.table(AuditTables.HEAD_STATS).collectAsList();
        assertEquals(1, visible.size());
        assertEquals("R2", visible.get(0).getAs("run_id"));
        assertEquals(2L, visible.get(0).<Long>getAs("tokens"));
        assertFalse(Files.exists(dir.resolve("head_stats/run_id=R1")), "R2's commit pruned the head_stats it replaced");
        store.recover();
        assertFalse(Files.exists(dir.resolve("head_stats/run_id=R4")));
        assertEquals(1, store.table(AuditTables.HEAD_STATS).count());
    }

    @Test
    void aRowMustNameEveryColumnOfItsTable() {
        TableRow row = TableRow.of(AuditTables.DOCUMENTS).set("doc_id", "d");
        assertThrows(IllegalArgumentException.class, () -> row.set("no_such_column", 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, row::row);
        assertEquals("column content_hash of table documents is not set", e.getMessage());
    }

    private static Row headStatsRow(long tokens) {
        TableRow row = TableRow.of(AuditTables.HEAD_STATS);
        for (var c : AuditTables.HEAD_STATS.columns()) {
            row.set(c.name(), switch (c.type()) {
                case STRING -> "x";
                case INT -> 0;
                case LONG -> tokens;
                case DOUBLE -> 0.5;
                case DOUBLE_ARRAY -> new double[] {0.5};
                default -> throw new IllegalStateException(c.toString());
            });
        }
        return row.row();
    }
}
