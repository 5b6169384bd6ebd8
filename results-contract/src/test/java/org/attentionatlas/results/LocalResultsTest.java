package org.attentionatlas.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A local results folder read through the layout: committed partitions only, head_stats of the latest run. */
class LocalResultsTest {

    @TempDir
    Path dir;

    @Test
    void readersSeeCommittedPartitionsAndTheLatestHeadStats() throws Exception {
        for (String run : List.of("R1", "R2")) {
            Files.createDirectories(dir.resolve(ResultsLayout.COMMITS));
            Files.writeString(dir.resolve(ResultsLayout.commitMarker(run)), run);
        }
        Files.writeString(dir.resolve(ResultsLayout.commitMarkerDraft("R3")), "R3"); // a marker being written
        for (String run : List.of("R1", "R2", "R3")) {
            parquet(ResultsLayout.partition(AuditTables.HEAD_STATS, run));
            parquet(ResultsLayout.partition(AuditTables.DOCUMENTS, run));
        }
        Files.createDirectories(dir.resolve(ResultsLayout.partition(AuditTables.RUNS, "R1"))); // no Parquet in it

        LocalResults results = new LocalResults(dir);
        assertEquals(List.of("R1", "R2"), List.copyOf(results.committedRuns()));
        assertEquals(List.of(dir.resolve("head_stats/run_id=R2")), results.visiblePartitions(AuditTables.HEAD_STATS));
        assertEquals(List.of(dir.resolve("documents/run_id=R1"), dir.resolve("documents/run_id=R2")),
                results.visiblePartitions(AuditTables.DOCUMENTS));
        assertEquals(List.of(), results.visiblePartitions(AuditTables.RUNS));
        assertEquals(List.of(), new LocalResults(dir.resolve("missing")).visiblePartitions(AuditTables.DOCUMENTS));
    }

    private void parquet(String partition) throws Exception {
        Files.createDirectories(dir.resolve(partition));
        Files.writeString(dir.resolve(partition).resolve("part-0.parquet"), "");
    }
}
