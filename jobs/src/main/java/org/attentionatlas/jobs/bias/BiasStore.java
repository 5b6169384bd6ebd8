package org.attentionatlas.jobs.bias;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.jobs.audit.ResultStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bias tables in an output directory, committed with the audit's protocol ({@link ResultStore}): a run writes
 * {@code _staging/R/TABLE}, renames each to {@code TABLE/run_id=R}, then creates the marker {@code _commits/R}
 * atomically. Audit and bias runs share the {@code _commits} directory, so one results directory can hold both.
 */
public final class BiasStore {

    private final SparkSession spark;
    private final ResultStore store;
    private final FileSystem fs;

    public BiasStore(SparkSession spark, ResultStore store) {
        this.spark = spark;
        this.store = store;
        try {
            this.fs = store.root().getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ResultStore results() {
        return store;
    }

    public String staging(String runId, String table) {
        return store.staging(runId, table);
    }

    /** Deletes staging directories and bias partitions of runs without a commit marker (a crashed run). */
    public List<String> recover() {
        List<String> removed = new ArrayList<>(store.recover());
        var committed = store.committedRuns();
        try {
            for (String table : BiasTables.ALL) {
                Path t = new Path(store.root(), table);
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
            throw new UncheckedIOException("cannot clean " + store.root() + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** Renames the staged bias tables of {@code runId} into place, then writes its commit marker. */
    public void commit(String runId) {
        try {
            for (String table : BiasTables.ALL) {
                Path from = new Path(staging(runId, table));
                if (!fs.exists(from)) {
                    continue;
                }
                Path dir = new Path(store.root(), table);
                fs.mkdirs(dir);
                Path to = new Path(dir, "run_id=" + runId);
                if (fs.exists(to)) {
                    fs.delete(to, true);
                }
                if (!fs.rename(from, to)) {
                    throw new IOException("rename " + from + " -> " + to + " failed");
                }
            }
            Path commits = new Path(store.root(), ResultStore.COMMITS);
            fs.mkdirs(commits);
            Path tmp = new Path(commits, "." + runId + ".tmp");
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(tmp, new Path(commits, runId))) {
                throw new IOException("cannot create commit marker for run " + runId);
            }
            fs.delete(new Path(new Path(store.root(), ResultStore.STAGING), runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("commit of run " + runId + " into " + store.root() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A bias table restricted to committed runs, with its {@code run_id} column; empty (with schema) if none. */
    public Dataset<Row> table(String table) {
        StructType schema = BiasTables.schema(table).add("run_id", DataTypes.StringType);
        List<String> paths = new ArrayList<>();
        try {
            for (String run : store.committedRuns()) {
                Path p = new Path(new Path(store.root(), table), "run_id=" + run);
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
        return spark.read().schema(schema).option("basePath", new Path(store.root(), table).toString())
                .parquet(paths.toArray(new String[0]));
    }

    /** Registers every bias table as a temporary view of its own name. */
    public void registerViews() {
        for (String table : BiasTables.ALL) {
            table(table).createOrReplaceTempView(table);
        }
    }
}
