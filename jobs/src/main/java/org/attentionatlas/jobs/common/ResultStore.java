package org.attentionatlas.jobs.common;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.results.ResultTable;
import org.attentionatlas.results.ResultsLayout;
import org.attentionatlas.results.ResultsLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.lit;

/**
 * A results folder as the Spark jobs see it ({@link ResultsLayout}, committed through {@link CommitProtocol}): a
 * writer {@link #lock()}s it, {@link #recover()}s what a crashed run left, writes each table of its run to staging
 * ({@link #write}) and {@link #commit}s; readers get each table of the contract restricted to what the commit
 * markers publish ({@link #table}). Audit and bias runs share the folder and its {@code _commits}.
 */
public final class ResultStore {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

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

    /** The folder's writer lock; see {@link CommitProtocol#lock()}. */
    public ResultsLock lock() {
        return protocol.lock();
    }

    /** Run ids with a commit marker, oldest first. */
    public TreeSet<String> committedRuns() {
        return protocol.committedRuns();
    }

    /**
     * Deletes what a crashed run left: every staging directory, partitions of runs without a marker and superseded
     * head_stats partitions. Only while holding the {@link #lock()}.
     */
    public List<String> recover() {
        TreeSet<String> committed = committedRuns();
        List<String> removed = new ArrayList<>(protocol.removeStaging());
        removed.addAll(protocol.removeUncommitted(ResultsLayout.TABLES, committed));
        removed.forEach(p -> LOG.warn("removed the leftovers of an uncommitted run: {}", p));
        return removed;
    }

    /** Writes {@code rows} (cut to the table's columns) as run {@code runId}'s staged {@code table}. */
    public void write(Dataset<Row> rows, String runId, ResultTable table) {
        SparkTables.select(rows, table).write().mode(SaveMode.Overwrite).parquet(staging(runId, table));
    }

    /** Writes a few driver-side rows as one file of run {@code runId}'s staged {@code table}. */
    public void write(List<Row> rows, String runId, ResultTable table) {
        write(spark.createDataFrame(rows, SparkTables.schema(table)).coalesce(1), runId, table);
    }

    /** Where run {@code runId} writes {@code table} before it commits. */
    public String staging(String runId, ResultTable table) {
        return protocol.staging(runId, table).toString();
    }

    /** Run {@code runId}'s staged {@code table} with its run_id column, or null when it staged none. */
    public Dataset<Row> staged(String runId, ResultTable table) {
        if (!protocol.isStaged(runId, table)) {
            return null;
        }
        return spark.read().schema(SparkTables.schema(table)).parquet(staging(runId, table))
                .withColumn(ResultTable.RUN_ID, lit(runId));
    }

    /** Makes the staged tables of a run visible: renames them into place, then writes the commit marker. */
    public void commit(String runId, Collection<ResultTable> tables) {
        protocol.commit(runId, tables);
    }

    /** A table as readers see it (committed runs; the latest for head_stats), with run_id; empty if none. */
    public Dataset<Row> table(ResultTable table) {
        List<String> paths = protocol.visiblePartitions(table).stream().map(Path::toString).toList();
        if (paths.isEmpty()) {
            return spark.createDataFrame(List.of(), SparkTables.schemaWithRunId(table));
        }
        return spark.read().schema(SparkTables.schemaWithRunId(table))
                .option("basePath", new Path(root, table.name()).toString()).parquet(paths.toArray(new String[0]));
    }

    /** Registers each table as a temporary view of its own name. */
    public void registerViews(Collection<ResultTable> tables) {
        for (ResultTable t : tables) {
            table(t).createOrReplaceTempView(t.name());
        }
    }

    /** Total bytes of the committed tables (for the benchmark's bytes per token). */
    public long parquetBytes() {
        long bytes = 0;
        try {
            for (ResultTable table : ResultsLayout.TABLES) {
                Path t = new Path(root, table.name());
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
