package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.jobs.common.RunProvenance;
import org.attentionatlas.udfs.SampleExtractor;

import java.util.List;

/** Names and schemas of the audit's tables (the {@code run_id} column comes from the partition directory). */
public final class Tables {

    public static final String DOCUMENTS = "documents";
    public static final String HEAD_SUMS = "head_sums";
    public static final String RUNS = "runs";
    public static final String SAMPLES = "samples";

    /** Tables written once per run, partitioned by run id. */
    public static final List<String> RUN_TABLES = List.of(DOCUMENTS, HEAD_SUMS, RUNS, SAMPLES);
    /** Every table, head_stats included. */
    public static final List<String> ALL_TABLES = List.of(DOCUMENTS, HEAD_SUMS, RUNS, SAMPLES, ResultStore.HEAD_STATS);

    public static final StructType DOCUMENTS_SCHEMA = new StructType()
            .add("doc_id", DataTypes.StringType)
            .add("content_hash", DataTypes.StringType)
            .add("model", DataTypes.StringType)
            .add("revision", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("language", DataTypes.StringType)
            .add("tokens", DataTypes.IntegerType)
            .add("windows", DataTypes.IntegerType);

    /** The run's provenance ({@link RunProvenance#SCHEMA}), then the audit's input and counts. */
    public static final StructType RUNS_SCHEMA = RunProvenance.SCHEMA
            .add("input_format", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("master", DataTypes.StringType)
            .add("documents_read", DataTypes.LongType)
            .add("documents_new", DataTypes.LongType)
            .add("documents_skipped", DataTypes.LongType)
            .add("documents_duplicate", DataTypes.LongType)
            .add("documents_empty", DataTypes.LongType)
            .add("documents_invalid", DataTypes.LongType)
            .add("tokens", DataTypes.LongType)
            .add("sequences", DataTypes.LongType);

    public static final StructType HEAD_SUMS_SCHEMA = headSumsSchema();

    private Tables() {
    }

    /** Column of the per-run sum of a statistic, e.g. {@code entropy_mean_sum}. */
    public static String sumColumn(HeadStat s) {
        return s.column() + "_sum";
    }

    private static StructType headSumsSchema() {
        StructType t = new StructType()
                .add("model", DataTypes.StringType)
                .add("revision", DataTypes.StringType)
                .add("dataset", DataTypes.StringType)
                .add("language", DataTypes.StringType)
                .add("layer", DataTypes.IntegerType)
                .add("head", DataTypes.IntegerType)
                .add("query_tokens", DataTypes.LongType)
                .add("sequences", DataTypes.LongType)
                .add("documents", DataTypes.LongType);
        for (HeadStat s : HeadStat.values()) {
            t = t.add(sumColumn(s), DataTypes.DoubleType);
        }
        return t.add("offset_sums", DataTypes.createArrayType(DataTypes.DoubleType, false));
    }

    public static StructType schema(String table) {
        switch (table) {
            case DOCUMENTS: return DOCUMENTS_SCHEMA;
            case HEAD_SUMS: return HEAD_SUMS_SCHEMA;
            case RUNS: return RUNS_SCHEMA;
            case SAMPLES: return SampleExtractor.SCHEMA.add("model", DataTypes.StringType).add("revision", DataTypes.StringType);
            default: throw new IllegalArgumentException("no run table named " + table);
        }
    }
}
