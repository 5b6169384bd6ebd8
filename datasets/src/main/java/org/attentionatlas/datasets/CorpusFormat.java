package org.attentionatlas.datasets;

import java.util.Locale;

/** How a corpus input is laid out. */
public enum CorpusFormat {
    /** Plain text, one document per line. */
    TEXT,
    /** A directory of .txt files, one document per file. */
    TXT_DIR,
    /** JSON lines; the text in a configurable field. */
    JSONL,
    /** Parquet; the text in a configurable column. */
    PARQUET,
    /** CSV with a header line; the text in a configurable column. */
    CSV,
    /** Tatoeba TSV pairs (a .tsv file or a folder of them): both sides of each pair, each with its language. */
    TATOEBA,
    /** The corpus bundled with the project (no input path). */
    BUNDLED;

    /** Parses a user setting (text, txt-dir, jsonl, parquet, csv, tatoeba, bundled); "auto" or empty gives null. */
    public static CorpusFormat parse(String s) {
        if (s == null || s.isBlank() || s.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InputException("unknown input format '" + s + "'; use auto, text, txt-dir, jsonl, parquet, csv or tatoeba");
        }
    }

    /** Guesses the format from the path: a directory of .parquet files, of .txt files, or a file's extension. */
    public static CorpusFormat guess(String path, boolean directory, boolean holdsParquet) {
        if (directory) {
            return holdsParquet ? PARQUET : TXT_DIR;
        }
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".jsonl") || p.endsWith(".json") || p.endsWith(".ndjson")) {
            return JSONL;
        }
        if (p.endsWith(".parquet")) {
            return PARQUET;
        }
        if (p.endsWith(".csv")) {
            return CSV;
        }
        if (p.endsWith(".tsv")) {
            return TATOEBA;
        }
        return TEXT;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
