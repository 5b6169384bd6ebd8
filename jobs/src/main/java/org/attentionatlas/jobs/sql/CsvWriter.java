package org.attentionatlas.jobs.sql;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints rows as RFC 4180 CSV with a header line. Arrays print as {@code [a, b]}, maps as {@code {k: v}}; fields
 * holding a comma, quote or line break are quoted; null is an empty field.
 */
public final class CsvWriter {

    private final PrintStream out;

    public CsvWriter(PrintStream out) {
        this.out = out;
    }

    public void write(StructType schema, Iterator<Row> rows) {
        StringJoiner header = new StringJoiner(",");
        for (StructField f : schema.fields()) {
            header.add(field(f.name()));
        }
        out.println(header);
        while (rows.hasNext()) {
            Row r = rows.next();
            StringJoiner line = new StringJoiner(",");
            for (int i = 0; i < r.length(); i++) {
                line.add(field(r.isNullAt(i) ? null : text(r.get(i))));
            }
            out.println(line);
        }
        out.flush();
    }

    static String text(Object v) {
        if (v instanceof scala.collection.Seq<?> seq) {
            return text(scala.jdk.javaapi.CollectionConverters.asJava(seq));
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            return text(scala.jdk.javaapi.CollectionConverters.asJava(map));
        }
        if (v instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            list.forEach(x -> j.add(x == null ? "null" : text(x)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            map.forEach((k, x) -> j.add(text(k) + ": " + (x == null ? "null" : text(x))));
            return j.toString();
        }
        if (v instanceof Row row) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < row.length(); i++) {
                j.add(row.isNullAt(i) ? "null" : text(row.get(i)));
            }
            return j.toString();
        }
        return String.valueOf(v);
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
