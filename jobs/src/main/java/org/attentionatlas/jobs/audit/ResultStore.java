package org.attentionatlas.jobs.audit;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.CommitProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The output directory and its commit protocol. Layout:
 * <pre>
 *   DIR/documents/run_id=R/…parquet   one partition per committed run (likewise head_sums, runs, samples)
 *   DIR/head_stats/…parquet           derived from every committed run's head_sums, rewritten after each run
 *   DIR/_commits/R                    commit marker: run R is visible only once this file exists
 *   DIR/_staging/R/TABLE              where Spark writes run R before it is committed
 * </pre>
 * A run writes everything under {@code _staging/R}, renames each table directory to {@code TABLE/run_id=R}, then
 * creates {@code _commits/R} (written to a hidden file, then renamed: atomic). Readers only read partitions whose run
 * has a marker; {@link #recover()} deletes staging and unmarked partitions left by a crashed run. One writer at a time.
 */
public final class ResultStore {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    public static final String COMMITS = CommitProtocol.COMMITS;
    public static final String STAGING = CommitProtocol.STAGING;
    public static final String HEAD_STATS = "head_stats";

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path root;
    private final CommitProtocol protocol;

    public ResultStore(SparkSession spark, String dir) {
        this.spark = spark;
        try {
            Path p = new Path(dir);
            this.fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            this.root = fs.makeQualified(p);
            this.protocol = new CommitProtocol(fs, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The staging → rename → commit-marker protocol of this directory (shared with the bias tables). */
    public CommitProtocol protocol() {
        return protocol;
    }

    /** Run ids with a commit marker, oldest first. */
    public TreeSet<String> committedRuns() {
        return protocol.committedRuns();
    }

    /** Deletes what a crashed run left: its staging directory and table partitions of runs without a marker. */
    public List<String> recover() {
        TreeSet<String> committed = committedRuns();
        List<String> removed = new ArrayList<>(protocol.removeStaging());
        removed.addAll(protocol.removeUncommitted(Tables.RUN_TABLES, committed));
        removed.forEach(p -> LOG.warn("removed the leftovers of an uncommitted run: {}", p));
        return removed;
    }

    /** Where run {@code runId} writes {@code table} before it commits. */
    public String staging(String runId, String table) {
        return protocol.staging(runId, table);
    }

    /** Makes the staged tables of a run visible: renames them into place, then writes the commit marker. */
    public void commit(String runId) {
        protocol.commit(runId, Tables.RUN_TABLES);
    }

    /** A run table restricted to committed runs, with its {@code run_id} column; empty (with schema) if none. */
    public Dataset<Row> table(String table) {
        return protocol.table(spark, table, Tables.schema(table));
    }

    /** Replaces the materialised head_stats table: written beside it, then swapped in by two renames. */
    public void writeHeadStats(Dataset<Row> stats, String runId) {
        Path target = new Path(root, HEAD_STATS);
        Path fresh = new Path(protocol.stagingDir(runId), HEAD_STATS);
        Path old = new Path(protocol.stagingDir(runId), HEAD_STATS + ".old");
        stats.coalesce(1).write().mode(SaveMode.Overwrite).parquet(fresh.toString());
        try {
            if (fs.exists(target) && !fs.rename(target, old)) {
                throw new IOException("cannot move " + target + " aside");
            }
            if (!fs.rename(fresh, target)) {
                throw new IOException("cannot move " + fresh + " to " + target);
            }
            fs.delete(protocol.stagingDir(runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target + ": " + e.getMessage(), e);
        }
    }

    /** Total bytes of the committed tables and head_stats (for the benchmark's bytes per token). */
    public long parquetBytes() {
        long bytes = 0;
        try {
            for (String table : Tables.ALL_TABLES) {
                Path t = new Path(root, table);
                if (fs.exists(t)) {
                    var it = fs.listFiles(t, true);
                    while (it.hasNext()) {
                        var f = it.next();
                        if (f.getPath().getName().endsWith(".parquet")) {
                            bytes += f.getLen();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
