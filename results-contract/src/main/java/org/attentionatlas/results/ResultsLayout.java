package org.attentionatlas.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Where everything lives in a results folder, as paths relative to it, and which runs readers see:
 * <pre>
 *   TABLE/run_id=R/…parquet   run R's partition of TABLE, visible once R is committed
 *   _commits/R                commit marker: run R is visible only once this file exists
 *   _staging/R/TABLE          where run R writes TABLE before it commits
 *   _lock                     the writer lock (pid, host, start time): one writer per folder
 * </pre>
 * A run writes every table under {@code _staging/R}, renames each to {@code TABLE/run_id=R}, then creates
 * {@code _commits/R} (written to a hidden file, then renamed: atomic). That rename is the one step that makes the
 * run visible, head_stats included. Every file system binding (Hadoop in the jobs, java.nio in {@link LocalResults})
 * resolves these same relative paths.
 */
public final class ResultsLayout {

    public static final String COMMITS = "_commits";
    public static final String STAGING = "_staging";
    public static final String LOCK = "_lock";
    private static final String RUN_PREFIX = ResultTable.RUN_ID + "=";

    /** Every table a results folder may hold: the audit's, the bias job's, the alignment job's and head importance's. */
    public static final List<ResultTable> TABLES = java.util.stream.Stream
            .of(AuditTables.ALL, BiasTables.ALL, AlignTables.ALL, ImportanceTables.ALL,
                    AgreementTables.ALL).flatMap(List::stream).toList();

    private ResultsLayout() {
    }

    /** {@code _staging/R}: everything run R writes before it commits. */
    public static String stagingDir(String runId) {
        return STAGING + "/" + runId;
    }

    /** {@code _staging/R/TABLE}. */
    public static String staged(String runId, ResultTable table) {
        return stagingDir(runId) + "/" + table.name();
    }

    /** {@code TABLE/run_id=R}. */
    public static String partition(ResultTable table, String runId) {
        return table.name() + "/" + partitionDir(runId);
    }

    /** {@code run_id=R}: the name of run R's partition folder. */
    public static String partitionDir(String runId) {
        return RUN_PREFIX + runId;
    }

    /** The run of a partition folder name {@code run_id=R}, if it is one. */
    public static Optional<String> runOfPartition(String dirName) {
        return dirName.startsWith(RUN_PREFIX) ? Optional.of(dirName.substring(RUN_PREFIX.length())) : Optional.empty();
    }

    /** {@code _commits/R}. */
    public static String commitMarker(String runId) {
        return COMMITS + "/" + runId;
    }

    /** The hidden file a marker is written to before it is renamed into place. */
    public static String commitMarkerDraft(String runId) {
        return COMMITS + "/." + runId + ".tmp";
    }

    /** The committed runs among the file names in {@code _commits} (hidden drafts skipped), oldest first. */
    public static TreeSet<String> committedRuns(Collection<String> markerNames) {
        TreeSet<String> runs = new TreeSet<>();
        for (String name : markerNames) {
            if (!name.startsWith(".") && !name.startsWith("_")) {
                runs.add(name);
            }
        }
        return runs;
    }

    /**
     * The runs whose partitions of {@code table} readers see, oldest first: every committed run that has one, or
     * for a {@link Partitioning#LATEST_RUN} table only the latest of them.
     */
    public static List<String> visibleRuns(ResultTable table, SortedSet<String> committed,
                                           Predicate<String> hasPartition) {
        List<String> runs = new ArrayList<>();
        for (String run : committed) {
            if (hasPartition.test(run)) {
                runs.add(run);
            }
        }
        if (table.partitioning() == Partitioning.LATEST_RUN && runs.size() > 1) {
            return List.of(runs.get(runs.size() - 1));
        }
        return runs;
    }
}
