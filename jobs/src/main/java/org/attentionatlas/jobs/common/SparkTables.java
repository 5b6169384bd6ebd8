package org.attentionatlas.jobs.common;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.results.ColumnType;
import org.attentionatlas.results.ResultTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.apache.spark.sql.functions.col;

/** The Spark side of the results contract: a {@link ResultTable} as a schema, and a dataset cut to its columns. */
public final class SparkTables {

    private SparkTables() {
    }

    private static final Map<ResultTable, StructType> SCHEMAS = new ConcurrentHashMap<>();

    /** The table's columns as a Spark schema ({@code run_id} excluded: it comes from the partition folder). */
    public static StructType schema(ResultTable table) {
        return SCHEMAS.computeIfAbsent(table, SparkTables::build); // keyed by the columns: projections share a name
    }

    private static StructType build(ResultTable table) {
        StructType t = new StructType();
        for (org.attentionatlas.results.Column c : table.columns()) {
            t = t.add(c.name(), type(c.type()), true);
        }
        return t;
    }

    /** The schema with the {@code run_id} partition column, as readers see a table. */
    public static StructType schemaWithRunId(ResultTable table) {
        return schema(table).add(ResultTable.RUN_ID, DataTypes.StringType);
    }

    /** {@code rows} with exactly the table's columns, in its order (a missing column is an error). */
    public static Dataset<Row> select(Dataset<Row> rows, ResultTable table) {
        return rows.select(table.columnNames().stream().map(n -> col(n)).toArray(Column[]::new));
    }

    static DataType type(ColumnType t) {
        return switch (t) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case STRING_ARRAY -> DataTypes.createArrayType(DataTypes.StringType, false);
            case LONG_ARRAY -> DataTypes.createArrayType(DataTypes.LongType, false);
            case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
            case FLOAT_MATRIX -> DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, false), false);
        };
    }
}
