package org.attentionatlas.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Access to ../shared/golden and float comparisons with the worst offender in the message. */
public final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    public static Path sharedDir() {
        String dir = System.getProperty("atlas.shared.dir");
        Path p = dir != null ? Paths.get(dir) : Paths.get("..", "..", "shared");
        if (!Files.isDirectory(p.resolve("golden"))) {
            fail("shared fixtures not found at " + p.toAbsolutePath() + " (set -Datlas.shared.dir)");
        }
        return p;
    }

    public static Path tinyModel(String name) {
        return sharedDir().resolve("golden/tiny").resolve(name);
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
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

    public static double[] flatten(JsonNode node) {
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        flattenInto(node, out);
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void flattenInto(JsonNode node, java.util.List<Double> out) {
        if (node.isArray()) {
            for (JsonNode c : node) {
                flattenInto(c, out);
            }
        } else {
            out.add(node.asDouble());
        }
    }
}
