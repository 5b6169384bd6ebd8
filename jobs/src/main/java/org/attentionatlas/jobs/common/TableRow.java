package org.attentionatlas.jobs.common;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.attentionatlas.results.ResultTable;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Builds one row (with its schema, so it reads back by name too) of a results table by column name: {@code TableRow.of(AuditTables.RUNS).set("tokens", 9L)…row()}.
 * An unknown column is an error, and so is a column left unset (set it to null explicitly), so a row can never
 * shift by one.
 */
public final class TableRow {

    private final ResultTable table;
    private final Object[] values;
    private final boolean[] set;

    private TableRow(ResultTable table) {
        this.table = table;
        this.values = new Object[table.columns().size()];
        this.set = new boolean[values.length];
    }

    public static TableRow of(ResultTable table) {
        return new TableRow(table);
    }

    /** Sets one column; an {@link Instant} is stored as a timestamp. */
    public TableRow set(String column, Object value) {
        int i = table.columnNames().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
        }
        values[i] = value instanceof Instant t ? Timestamp.from(t) : value;
        set[i] = true;
        return this;
    }

    /** Sets every column of {@code columns}. */
    public TableRow setAll(Map<String, ?> columns) {
        columns.forEach(this::set);
        return this;
    }

    public Row row() {
        for (int i = 0; i < set.length; i++) {
            if (!set[i]) {
                throw new IllegalStateException("column " + table.columnNames().get(i) + " of table " + table.name()
                        + " is not set");
            }
        }
        return new GenericRowWithSchema(values.clone(), SparkTables.schema(table)); // readable by name
    }
}
