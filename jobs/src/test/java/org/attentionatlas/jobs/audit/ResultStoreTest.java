package org.attentionatlas.jobs.audit;

import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.SparkTables;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.ResultsLayout;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commit protocol: staged and uncommitted partitions are invisible to readers and removed by recovery. */
class ResultStoreTest {

    @TempDir
    Path dir;

    @Test
    void onlyCommittedRunsAreVisibleAndLeftoversAreCleaned() throws Exception {
        ResultStore store = new ResultStore(SharedSpark.get(), dir.toString());
        var spark = SharedSpark.get();
        var row = org.apache.spark.sql.RowFactory.create("d1", "h1", "m", "r", "ds", "en", 5, 1);
        // run A: committed
        spark.createDataFrame(List.of(row), SparkTables.schema(AuditTables.DOCUMENTS)).write().parquet(store.staging("A", AuditTables.DOCUMENTS));
        store.commit("A");
        // run B: crashed after renaming its documents into place, before its marker
        spark.createDataFrame(List.of(row), SparkTables.schema(AuditTables.DOCUMENTS)).write().parquet(store.staging("B", AuditTables.DOCUMENTS));
        Files.move(Path.of(java.net.URI.create(store.staging("B", AuditTables.DOCUMENTS))), dir.resolve("documents/run_id=B"));
        // run C: crashed while writing to staging
        spark.createDataFrame(List.of(row), SparkTables.schema(AuditTables.DOCUMENTS)).write().parquet(store.staging("C", AuditTables.DOCUMENTS));

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
}
