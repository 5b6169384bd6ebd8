package org.attentionatlas.results;

import java.util.Arrays;
import java.util.List;

/**
 * One row of a results table as values in column order, set by column name: {@code RowValues.of(table).set("layer",
 * 3)…values()}. An unknown column is an error, and so is a column left unset (set it to null explicitly), so a row
 * can never shift by one. Spark-free: executors (udfs) and the Spark side ({@code jobs.common.TableRow}) share it.
 */
public final class RowValues {

    private final ResultTable table;
    private final List<String> names;
    private final Object[] values;
    private final boolean[] set;

    private RowValues(ResultTable table) {
        this.table = table;
        this.names = table.columnNames();
        this.values = new Object[names.size()];
        this.set = new boolean[values.length];
    }

    public static RowValues of(ResultTable table) {
        return new RowValues(table);
    }

    public RowValues set(String column, Object value) {
        int i = names.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
        }
        values[i] = value;
        set[i] = true;
        return this;
    }

    /** Sets each of {@code columns} to null. */
    public RowValues setNull(List<String> columns) {
        columns.forEach(c -> set(c, null));
        return this;
    }

    /** The values in column order (a copy); every column must have been set. */
    public Object[] values() {
        for (int i = 0; i < set.length; i++) {
            if (!set[i]) {
                throw new IllegalStateException("column " + names.get(i) + " of table " + table.name() + " is not set");
            }
        }
        return Arrays.copyOf(values, values.length);
    }
}
