package org.attentionatlas.udfs;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and schemas of the alignment job's per-pair rows: {@link #INPUT} goes into {@link PairAlignerFunction}
 * (gold as flat 0-based index pairs, null without gold), {@link #ALIGNED} comes out with, per aligner of the engine's
 * {@code AlignGrid} (same order), the number of predicted links and of those in S and in P (hits null without gold),
 * the links as text with {@code --links}, the task time each family took per pair, and an error for a pair the model
 * cannot take.
 */
public final class AlignPairRows {

    private static final DataType INTS = DataTypes.createArrayType(DataTypes.IntegerType, false);

    public static final StructType INPUT = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("src", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("tgt", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("sure", INTS, true)
            .add("possible", INTS, true);

    public static final StructType ALIGNED = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("sure_links", DataTypes.IntegerType, false)
            .add("predicted", INTS, true)
            .add("hit_sure", INTS, true)
            .add("hit_possible", INTS, true)
            .add("links", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("similarity_nanos", DataTypes.LongType, false)
            .add("attention_nanos", DataTypes.LongType, false)
            .add("error", DataTypes.StringType, true);

    private AlignPairRows() {
    }
}
