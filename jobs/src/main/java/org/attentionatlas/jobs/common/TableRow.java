package org.attentionatlas.jobs.common;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.attentionatlas.results.ResultTable;
import org.attentionatlas.results.RowValues;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Builds one row (with its schema, so it reads back by name too) of a results table by column name: {@code TableRow.of(AuditTables.RUNS).set("tokens", 9L)…row()}.
 * An unknown column is an error, and so is a column left unset (set it to null explicitly), so a row can never
 * shift by one ({@link RowValues}).
 */
public final class TableRow {

    private final ResultTable table;
    private final RowValues values;

    private TableRow(ResultTable table) {
        this.table = table;
        this.values = RowValues.of(table);
    }

    public static TableRow of(ResultTable table) {
        return new TableRow(table);
    }

    /** Sets one column; an {@link Instant} is stored as a timestamp. */
    public TableRow set(String column, Object value) {
        values.set(column, value instanceof Instant t ? Timestamp.from(t) : value);
        return this;
    }

    /** Sets every column of {@code columns}. */
    public TableRow setAll(Map<String, ?> columns) {
        columns.forEach(this::set);
        return this;
    }

    public Row row() {
        return new GenericRowWithSchema(values.values(), SparkTables.schema(table)); // readable by name
    }
}
