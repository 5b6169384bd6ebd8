package org.attentionatlas.results;

/** One typed column of a results table. */
public record Column(String name, ColumnType type) {

    public static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }
}
