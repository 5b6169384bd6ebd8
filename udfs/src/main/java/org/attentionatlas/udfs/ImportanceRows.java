package org.attentionatlas.udfs;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and schemas of the head-importance job's executor rows: {@link #INPUT} (a document's key, which seeds
 * its masks, and its text) goes in; {@link #GRADIENTS} comes out of {@link HeadGradientFunction}, one row per
 * partition with Σ_x |∂L_x/∂ξ| per head (layer-major); {@link #PRUNED} out of {@link PrunedMaskedLmFunction}, one row
 * per partition and pruned fraction with the masked-LM sums.
 */
public final class ImportanceRows {

    public static final StructType INPUT = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false);

    public static final StructType GRADIENTS = new StructType()
            .add("abs_gradient", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("sequences", DataTypes.LongType, false)
            .add("masked_tokens", DataTypes.LongType, false)
            .add("documents", DataTypes.LongType, false)
            .add("documents_skipped", DataTypes.LongType, false)
            .add("nanos", DataTypes.LongType, false);

    public static final StructType PRUNED = new StructType()
            .add("fraction_index", DataTypes.IntegerType, false)
            .add("loss_sum", DataTypes.DoubleType, false)
            .add("correct", DataTypes.LongType, false)
            .add("masked_tokens", DataTypes.LongType, false)
            .add("sequences", DataTypes.LongType, false);

    private ImportanceRows() {
    }
}
