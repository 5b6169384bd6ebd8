package org.attentionatlas.results;

import org.attentionatlas.engine.stats.HeadStat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout's paths and the committed-runs rules every reader shares. */
class ResultsLayoutTest {

    @Test
    void pathsOfTheCommitProtocol() {
        assertEquals("_staging/R1/head_sums", ResultsLayout.staged("R1", AuditTables.HEAD_SUMS));
        assertEquals("documents/run_id=R1", ResultsLayout.partition(AuditTables.DOCUMENTS, "R1"));
        assertEquals("_commits/R1", ResultsLayout.commitMarker("R1"));
        assertEquals("R1", ResultsLayout.runOfPartition("run_id=R1").orElseThrow());
        assertTrue(ResultsLayout.runOfPartition("part-0.parquet").isEmpty());
        assertEquals(List.of("A", "B"), List.copyOf(ResultsLayout.committedRuns(List.of("B", ".C.tmp", "A", "_x"))));
    }

    @Test
    void everyRunTablesShowEveryCommittedPartitionLatestRunTablesOnlyTheLatest() {
        TreeSet<String> committed = new TreeSet<>(List.of("R1", "R2", "R3"));
        Set<String> withPartition = Set.of("R1", "R2", "R4"); // R3 a bias run, R4 not committed
        assertEquals(List.of("R1", "R2"),
                ResultsLayout.visibleRuns(AuditTables.DOCUMENTS, committed, withPartition::contains));
        assertEquals(List.of("R2"), ResultsLayout.visibleRuns(AuditTables.HEAD_STATS, committed, withPartition::contains));
        assertEquals(List.of(), ResultsLayout.visibleRuns(AuditTables.HEAD_STATS, committed, r -> false));
    }

    @Test
    void headStatsColumnsFollowTheStatistics() {
        List<String> names = AuditTables.HEAD_STATS.columnNames();
        assertEquals(List.of("model", "revision", "dataset", "language", "layer", "head", "entropy_mean"),
                names.subList(0, 7));
        assertEquals(HeadStat.values().length + 4, AuditTables.statisticColumns().size()); // + tokens … runs
        assertTrue(AuditTables.statisticColumns().contains("prev_mass"));
        assertTrue(AuditTables.HEAD_SUMS.has("local8_mass_sum"));
        assertEquals("role", names.get(names.size() - 1 - HeadStat.values().length));
        HeadStat[] stats = HeadStat.values();
        assertEquals(stats[stats.length - 1].column() + "_se", names.get(names.size() - 1));
        assertTrue(names.contains("local8_mass_se"));
        assertTrue(AuditTables.HEAD_SUMS.has("local8_mass_sum_sq"));
    }

    @Test
    void headRolesFollowClarkEtAl() {
        assertEquals("broad", HeadRoles.role(4.0, 0.6, 0, 0, 0, 0));
        assertEquals("previous-token", HeadRoles.role(1.0, 0.6, 0, 0, 0, 0));
        assertEquals("next-token", HeadRoles.role(1.0, 0.1, 0.51, 0, 0, 0));
        assertEquals("self", HeadRoles.role(1.0, 0.1, 0.1, 0.7, 0, 0));
        assertEquals("special-token", HeadRoles.role(1.0, 0.1, 0.1, 0.1, 0.4, 0.3));
        assertEquals("mixed", HeadRoles.role(3.0, 0.2, 0.2, 0.2, 0.2, 0.2));
        assertTrue(HeadRoles.sql().startsWith("CASE WHEN entropy_mean > 3.8 THEN 'broad'"), HeadRoles.sql());
    }
}
