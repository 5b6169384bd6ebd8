package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.jobs.common.RunProvenance;
import org.attentionatlas.udfs.BiasSentence;

import java.util.List;

/** Names and schemas of the bias job's tables ({@code run_id} comes from the partition directory, as in the audit). */
public final class BiasTables {

    public static final String SENTENCES = "bias_sentences";
    public static final String SUMMARY = "bias_summary";
    public static final String HEADS = "bias_heads";
    public static final String REJECTS = "bias_rejects";
    public static final String RUNS = "bias_runs";

    /** Every bias table, written once per run and partitioned by run id. */
    public static final List<String> ALL = List.of(SENTENCES, SUMMARY, HEADS, REJECTS, RUNS);

    private static final StructType KEY = new StructType()
            .add("model", DataTypes.StringType)
            .add("revision", DataTypes.StringType)
            .add("dataset", DataTypes.StringType);

    /** Model coordinates, then every column of a scored sentence ({@link BiasSentence#SCORED}). */
    public static final StructType SENTENCES_SCHEMA = withKey(BiasSentence.SCORED);

    public static final StructType SUMMARY_SCHEMA = KEY
            .add("grp", DataTypes.StringType)
            .add("metric", DataTypes.StringType)
            .add("attention", DataTypes.StringType)
            .add("estimate", DataTypes.DoubleType)
            .add("ci_low", DataTypes.DoubleType)
            .add("ci_high", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType)
            .add("p_value", DataTypes.DoubleType);

    public static final StructType HEADS_SCHEMA = KEY
            .add("grp", DataTypes.StringType)
            .add("metric", DataTypes.StringType)
            .add("layer", DataTypes.IntegerType)
            .add("head", DataTypes.IntegerType)
            .add("value", DataTypes.DoubleType)
            .add("ci_low", DataTypes.DoubleType)
            .add("ci_high", DataTypes.DoubleType)
            .add("p_value", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType)
            .add("rank", DataTypes.IntegerType);

    public static final StructType REJECTS_SCHEMA = KEY
            .add("file", DataTypes.StringType)
            .add("line", DataTypes.LongType)
            .add("kind", DataTypes.StringType)
            .add("reason", DataTypes.StringType);

    /** The run's provenance ({@link RunProvenance#SCHEMA}), then the bias job's datasets, settings and counts. */
    public static final StructType RUNS_SCHEMA = RunProvenance.SCHEMA
            .add("datasets", DataTypes.StringType)
            .add("master", DataTypes.StringType)
            .add("seed", DataTypes.LongType)
            .add("bootstrap", DataTypes.IntegerType)
            .add("permutations", DataTypes.IntegerType)
            .add("sentences", DataTypes.LongType)
            .add("scored", DataTypes.LongType)
            .add("rejected", DataTypes.LongType)
            .add("mlm", DataTypes.StringType)
            .add("notes", DataTypes.StringType);

    private BiasTables() {
    }

    public static StructType schema(String table) {
        return switch (table) {
            case SENTENCES -> SENTENCES_SCHEMA;
            case SUMMARY -> SUMMARY_SCHEMA;
            case HEADS -> HEADS_SCHEMA;
            case REJECTS -> REJECTS_SCHEMA;
            case RUNS -> RUNS_SCHEMA;
            default -> throw new IllegalArgumentException("no bias table named " + table);
        };
    }

    /** model, revision, then {@code columns} ({@code dataset} among them). */
    private static StructType withKey(StructType columns) {
        StructType t = new StructType().add("model", DataTypes.StringType).add("revision", DataTypes.StringType);
        for (var f : columns.fields()) {
            t = t.add(f.name(), f.dataType(), true);
        }
        return t;
    }
}
