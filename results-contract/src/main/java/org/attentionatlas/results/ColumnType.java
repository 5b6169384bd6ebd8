package org.attentionatlas.results;

/** The types a results column may have; each reader maps them to its own (Spark, DuckDB, Java). */
public enum ColumnType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    /** An instant, stored as a Parquet timestamp. */
    TIMESTAMP,
    STRING_ARRAY,
    LONG_ARRAY,
    DOUBLE_ARRAY,
    /** A square matrix of floats, row by row (sampled attention). */
    FLOAT_MATRIX;

    public boolean numeric() {
        return this == INT || this == LONG || this == DOUBLE;
    }
}
