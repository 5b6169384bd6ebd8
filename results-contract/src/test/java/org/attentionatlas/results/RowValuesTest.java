package org.attentionatlas.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rows by column name: values land in the table's column order; unknown or unset columns are errors. */
class RowValuesTest {

    private static final ResultTable SAMPLE = AuditTables.SAMPLES.without("model", "revision");

    @Test
    void projectionsCutTheContractTable() {
        assertEquals(List.of("doc_id", "content_hash", "language", "layer", "head", "tokens", "attention"),
                SAMPLE.columnNames());
        assertEquals(List.of("doc_id", "content_hash", "language"), SAMPLE.upTo("language").columnNames());
        assertThrows(IllegalArgumentException.class, () -> AuditTables.SAMPLES.without("nope"));
        assertThrows(IllegalArgumentException.class, () -> SAMPLE.upTo("model"));
    }

    @Test
    void valuesFollowTheColumnOrderWhateverTheOrderTheyWereSetIn() {
        Object[] v = RowValues.of(SAMPLE).set("head", 3).set("attention", null).set("doc_id", "d")
                .set("tokens", null).set("layer", 2).set("language", "en").set("content_hash", "h").values();
        assertArrayEquals(new Object[] {"d", "h", "en", 2, 3, null, null}, v);
    }

    @Test
    void anUnknownOrUnsetColumnIsAnError() {
        assertEquals("table samples has no column model", assertThrows(IllegalArgumentException.class,
                () -> RowValues.of(SAMPLE).set("model", "m")).getMessage());
        assertEquals("column content_hash of table samples is not set", assertThrows(IllegalStateException.class,
                () -> RowValues.of(SAMPLE).set("doc_id", "d").values()).getMessage());
    }
}
