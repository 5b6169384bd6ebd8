package org.attentionatlas.jobs.audit;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    public static final String COMMITS = "_commits";
    public static final String STAGING = "_staging";
    public static final String HEAD_STATS = "head_stats";

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path root;

    public ResultStore(SparkSession spark, String dir) {
        this.spark = spark;
        try {
            Path p = new Path(dir);
            this.fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** Run ids with a commit marker, oldest first. */
    public TreeSet<String> committedRuns() {
        TreeSet<String> runs = new TreeSet<>();
        Path commits = new Path(root, COMMITS);
        try {
            if (fs.exists(commits)) {
                for (FileStatus f : fs.listStatus(commits)) {
                    String name = f.getPath().getName();
                    if (!name.startsWith(".") && !name.startsWith("_")) {
                        runs.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + commits + ": " + e.getMessage(), e);
        }
        return runs;
    }

    /** Deletes what a crashed run left: its staging directory and table partitions of runs without a marker. */
    public List<String> recover() {
        List<String> removed = new ArrayList<>();
        TreeSet<String> committed = committedRuns();
        try {
            Path staging = new Path(root, STAGING);
            if (fs.exists(staging)) {
                for (FileStatus f : fs.listStatus(staging)) {
                    fs.delete(f.getPath(), true);
                    removed.add(f.getPath().toString());
                }
            }
            for (String table : Tables.RUN_TABLES) {
                Path t = new Path(root, table);
                if (!fs.exists(t)) {
                    continue;
                }
                for (FileStatus f : fs.listStatus(t)) {
                    String name = f.getPath().getName();
                    if (name.startsWith("run_id=") && !committed.contains(name.substring("run_id=".length()))) {
                        fs.delete(f.getPath(), true);
                        removed.add(f.getPath().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
        }
        removed.forEach(p -> LOG.warn("removed the leftovers of an uncommitted run: {}", p));
        return removed;
    }

    /** Where run {@code runId} writes {@code table} before it commits. */
    public String staging(String runId, String table) {
        return new Path(new Path(new Path(root, STAGING), runId), table).toString();
    }

    /** Makes the staged tables of a run visible: renames them into place, then writes the commit marker. */
    public void commit(String runId) {
        try {
            for (String table : Tables.RUN_TABLES) {
                Path from = new Path(staging(runId, table));
                if (!fs.exists(from)) {
                    continue;
                }
                Path dir = new Path(root, table);
                fs.mkdirs(dir);
                Path to = new Path(dir, "run_id=" + runId);
                if (fs.exists(to)) {
                    fs.delete(to, true);
                }
                if (!fs.rename(from, to)) {
                    throw new IOException("rename " + from + " -> " + to + " failed");
                }
            }
            Path commits = new Path(root, COMMITS);
            fs.mkdirs(commits);
            Path tmp = new Path(commits, "." + runId + ".tmp");
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(tmp, new Path(commits, runId))) {
                throw new IOException("cannot create commit marker for run " + runId);
            }
            fs.delete(new Path(new Path(root, STAGING), runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("commit of run " + runId + " into " + root + " failed: " + e.getMessage(), e);
        }
    }

    /** A run table restricted to committed runs, with its {@code run_id} column; empty (with schema) if none. */
    public Dataset<Row> table(String table) {
        StructType schema = Tables.schema(table).add("run_id", DataTypes.StringType);
        List<String> paths = new ArrayList<>();
        try {
            for (String run : committedRuns()) {
                Path p = new Path(new Path(root, table), "run_id=" + run);
                if (fs.exists(p)) {
                    paths.add(p.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (paths.isEmpty()) {
            return spark.createDataFrame(java.util.Collections.emptyList(), schema);
        }
        return spark.read().schema(schema).option("basePath", new Path(root, table).toString())
                .parquet(paths.toArray(new String[0]));
    }

    /** Replaces the materialised head_stats table: written beside it, then swapped in by two renames. */
    public void writeHeadStats(Dataset<Row> stats, String runId) {
        Path target = new Path(root, HEAD_STATS);
        Path fresh = new Path(new Path(new Path(root, STAGING), runId), HEAD_STATS);
        Path old = new Path(new Path(new Path(root, STAGING), runId), HEAD_STATS + ".old");
        stats.coalesce(1).write().mode(SaveMode.Overwrite).parquet(fresh.toString());
        try {
            if (fs.exists(target) && !fs.rename(target, old)) {
                throw new IOException("cannot move " + target + " aside");
            }
            if (!fs.rename(fresh, target)) {
                throw new IOException("cannot move " + fresh + " to " + target);
            }
            fs.delete(new Path(new Path(root, STAGING), runId), true);
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
