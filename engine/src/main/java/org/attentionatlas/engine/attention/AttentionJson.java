package org.attentionatlas.engine.attention;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Attention matrices as nested JSON arrays of numbers, written as they stream (no tree in memory). */
public final class AttentionJson {

    private AttentionJson() {
    }

    /** {@code "field": [layer][head][query][key]}. */
    public static void matrices(JsonGenerator g, String field, float[][][][] a) throws IOException {
        g.writeArrayFieldStart(field);
        for (float[][][] layer : a) {
            g.writeStartArray();
            for (float[][] head : layer) {
                matrix(g, head);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** One [row][column] matrix as an array value. */
    public static void matrix(JsonGenerator g, float[][] m) throws IOException {
        g.writeStartArray();
        for (float[] row : m) {
            g.writeStartArray();
            for (float v : row) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
