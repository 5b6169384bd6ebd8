package org.attentionatlas.jobs.common;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The staging → rename → commit-marker protocol of an output directory, shared by the audit and the bias stores:
 * a run writes {@code _staging/R/TABLE}, {@link #commit} renames each staged table to {@code TABLE/run_id=R}, then
 * creates the marker {@code _commits/R} (a hidden file, then renamed: atomic). Only partitions of runs with a marker
 * are read ({@link #table}); {@link #removeUncommitted} deletes the partitions a crashed run left.
 */
public final class CommitProtocol {

    public static final String COMMITS = "_commits";
    public static final String STAGING = "_staging";
    private static final String RUN_PREFIX = "run_id=";

    private final FileSystem fs;
    private final Path root;

    public CommitProtocol(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
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

    /** The staging directory of run {@code runId}. */
    public Path stagingDir(String runId) {
        return new Path(new Path(root, STAGING), runId);
    }

    /** Where run {@code runId} writes {@code table} before it commits. */
    public String staging(String runId, String table) {
        return new Path(stagingDir(runId), table).toString();
    }

    /** Deletes every run's staging directory; returns the deleted paths. */
    public List<String> removeStaging() {
        List<String> removed = new ArrayList<>();
        try {
            Path staging = new Path(root, STAGING);
            if (fs.exists(staging)) {
                for (FileStatus f : fs.listStatus(staging)) {
                    fs.delete(f.getPath(), true);
                    removed.add(f.getPath().toString());
                }
            }
        } catch (IOException e) {
            throw cannotClean(e);
        }
        return removed;
    }

    /** Deletes the partitions of {@code tables} whose run is not in {@code committed}; returns the deleted paths. */
    public List<String> removeUncommitted(Collection<String> tables, Set<String> committed) {
        List<String> removed = new ArrayList<>();
        try {
            for (String table : tables) {
                Path t = new Path(root, table);
                if (!fs.exists(t)) {
                    continue;
                }
                for (FileStatus f : fs.listStatus(t)) {
                    String name = f.getPath().getName();
                    if (name.startsWith(RUN_PREFIX) && !committed.contains(name.substring(RUN_PREFIX.length()))) {
                        fs.delete(f.getPath(), true);
                        removed.add(f.getPath().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw cannotClean(e);
        }
        return removed;
    }

    private UncheckedIOException cannotClean(IOException e) {
        return new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
    }

    /** Makes the staged {@code tables} of a run visible: renames them into place, then writes the commit marker. */
    public void commit(String runId, Collection<String> tables) {
        try {
            for (String table : tables) {
                Path from = new Path(staging(runId, table));
                if (!fs.exists(from)) {
                    continue;
                }
                Path dir = new Path(root, table);
                fs.mkdirs(dir);
                Path to = new Path(dir, RUN_PREFIX + runId);
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
            fs.delete(stagingDir(runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("commit of run " + runId + " into " + root + " failed: " + e.getMessage(), e);
        }
    }

    /** A run table restricted to committed runs, with its {@code run_id} column; empty (with schema) if none. */
    public Dataset<Row> table(SparkSession spark, String table, StructType tableSchema) {
        StructType schema = tableSchema.add("run_id", DataTypes.StringType);
        List<String> paths = new ArrayList<>();
        try {
            for (String run : committedRuns()) {
                Path p = new Path(new Path(root, table), RUN_PREFIX + run);
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
}
