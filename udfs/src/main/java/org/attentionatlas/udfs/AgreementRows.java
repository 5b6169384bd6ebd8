package org.attentionatlas.udfs;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and schemas of the agreement job's rows: {@link #INPUT} goes into {@link AgreementFunction} (a target
 * word for MLM models, else a compare text), {@link #SCORED} comes out, one row per (attention, attribution) pair of
 * a text, or one row with {@code error} set for a text the model cannot take; {@code nanos} (the text's task time) is
 * on its first row only.
 */
public final class AgreementRows {

    public static final StructType INPUT = new StructType()
            .add("text_id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("target", DataTypes.StringType, true)
            .add("compare_text", DataTypes.StringType, true);

    public static final StructType SCORED = new StructType()
            .add("text_id", DataTypes.StringType, false)
            .add("attention_method", DataTypes.StringType, true)
            .add("attribution_method", DataTypes.StringType, true)
            .add("tau", DataTypes.DoubleType, true)
            .add("p_value", DataTypes.DoubleType, true)
            .add("top_k_overlap", DataTypes.DoubleType, true)
            .add("tokens", DataTypes.IntegerType, false)
            .add("nanos", DataTypes.LongType, false)
            .add("error", DataTypes.StringType, true);

    private AgreementRows() {
    }
}
