package org.attentionatlas.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One results table: its name (the folder under the results folder), its typed columns in order, and which run
 * partitions readers see. Every table is stored as {@code NAME/run_id=R/*.parquet}; the {@value #RUN_ID} column comes
 * from the partition folder and is not among {@link #columns()}.
 */
public record ResultTable(String name, Partitioning partitioning, List<Column> columns) {

    /** The partition column every table has, read from the {@code run_id=R} folder name. */
    public static final String RUN_ID = "run_id";

    public ResultTable {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean has(String name) {
        return column(name).isPresent();
    }

    /**
     * The same table without {@code dropped} (each must be a column): the rows a job's executors produce before the
     * driver adds the columns it knows, e.g. bias_sentences without model and revision.
     */
    public ResultTable without(String... dropped) {
        List<String> names = List.of(dropped);
        for (String n : names) {
            if (!has(n)) {
                throw new IllegalArgumentException("table " + name + " has no column " + n);
            }
        }
        return new ResultTable(name, partitioning, columns.stream().filter(c -> !names.contains(c.name())).toList());
    }

    /** The columns from the first up to and including {@code last}, in order. */
    public ResultTable upTo(String last) {
        int end = columnNames().indexOf(last);
        if (end < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + last);
        }
        return new ResultTable(name, partitioning, columns.subList(0, end + 1));
    }

    /** A table definition built column by column. */
    static Builder builder(String name, Partitioning partitioning) {
        return new Builder(name, partitioning);
    }

    static final class Builder {
        private final String name;
        private final Partitioning partitioning;
        private final List<Column> columns = new ArrayList<>();

        private Builder(String name, Partitioning partitioning) {
            this.name = name;
            this.partitioning = partitioning;
        }

        Builder add(String column, ColumnType type) {
            columns.add(Column.of(column, type));
            return this;
        }

        Builder addAll(List<Column> more) {
            columns.addAll(more);
            return this;
        }

        ResultTable build() {
            return new ResultTable(name, partitioning, columns);
        }
    }
}
