package org.attentionatlas.datasets.bias;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC-4180 CSV parser: comma-separated fields, double-quoted when they hold a comma, quote or newline, quotes
 * doubled inside. Each record keeps the physical line it starts on, so reports point at the right line even after a
 * record with an embedded newline.
 */
final class CsvRecords {

    record Record(long line, List<String> fields) {
    }

    /** A structural error (e.g. a quote never closed) at a line; parsing stops there. */
    static final class CsvException extends RuntimeException {
        final long line;

        CsvException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvRecords() {
    }

    static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                out.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (afterQuote || c == '"') {
                throw new CsvException(line, "unexpected character '" + c + "' " + (afterQuote
                        ? "after a closing quote" : "(a quote inside an unquoted field)"));
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new CsvException(recordLine, "quoted field never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || afterQuote) {
            fields.add(field.toString());
            out.add(new Record(recordLine, List.copyOf(fields)));
        }
        return out;
    }
}
