package org.attentionatlas.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Reading golden JSON (plain or {@code .gz}) and float comparisons with the worst offender in the message. */
public final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    /** The JSON in {@code file}, gunzipped first when its name ends in {@code .gz}. */
    public static JsonNode json(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    /** Asserts every element of a nested JSON array equals the flat row-major {@code actual} within {@code tol}. */
    public static void assertClose(String what, JsonNode expected, float[] actual, double tol) {
        double[] flat = flatten(expected);
        assertEquals(flat.length, actual.length, what + ": element count");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < flat.length; i++) {
            double d = Math.abs(flat[i] - actual[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        if (!(worst <= tol)) {
            fail(String.format("%s: max |diff| %.3g > %.1g at flat index %d (expected %.8g, got %.8g)", what, worst,
                    tol, at, flat[at], actual[at]));
        }
    }

    /** The numbers of a nested JSON array in row-major order. */
    public static double[] flatten(JsonNode node) {
        List<Double> out = new ArrayList<>();
        flattenInto(node, out);
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** The numbers of a nested JSON array in row-major order, as floats. */
    public static float[] flattenFloats(JsonNode node) {
        double[] d = flatten(node);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static void flattenInto(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            for (JsonNode c : node) {
                flattenInto(c, out);
            }
        } else {
            out.add(node.asDouble());
        }
    }
}
