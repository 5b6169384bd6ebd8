package org.attentionatlas.datasets;

/** Whether a read document can be processed; the reader labels every row instead of dropping any. */
public final class DocumentStatus {

    /** A non-empty text of valid UTF-8. */
    public static final String OK = "ok";
    /** An empty or blank line, file or field. */
    public static final String EMPTY = "empty";
    /** Bytes that were not valid UTF-8 (decoded to U+FFFD), a line that is not valid JSON, or a JSON text that is not a string. */
    public static final String INVALID = "invalid";

    private DocumentStatus() {
    }
}
