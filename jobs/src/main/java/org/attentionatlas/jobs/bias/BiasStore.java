package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.audit.ResultStore;
import org.attentionatlas.jobs.common.CommitProtocol;

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
    private final CommitProtocol protocol;

    public BiasStore(SparkSession spark, ResultStore store) {
        this.spark = spark;
        this.store = store;
        this.protocol = store.protocol();
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
        removed.addAll(protocol.removeUncommitted(BiasTables.ALL, protocol.committedRuns()));
        return removed;
    }

    /** Renames the staged bias tables of {@code runId} into place, then writes its commit marker. */
    public void commit(String runId) {
        protocol.commit(runId, BiasTables.ALL);
    }

    /** A bias table restricted to committed runs, with its {@code run_id} column; empty (with schema) if none. */
    public Dataset<Row> table(String table) {
        return protocol.table(spark, table, BiasTables.schema(table));
    }

    /** Registers every bias table as a temporary view of its own name. */
    public void registerViews() {
        for (String table : BiasTables.ALL) {
            table(table).createOrReplaceTempView(table);
        }
    }
}
