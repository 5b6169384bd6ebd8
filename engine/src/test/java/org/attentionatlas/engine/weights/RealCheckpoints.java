package org.attentionatlas.engine.weights;

import org.attentionatlas.engine.config.Activation;
import org.attentionatlas.engine.config.Architecture;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.load.ModelStore;
import org.attentionatlas.testkit.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four real checkpoints, their mapping tables (golden/real/mappings) and the configs inferred from them. */
final class RealCheckpoints {

    /** One row of {@code mappings/<model>.tsv}. */
    record Row(String sourceName, long[] sourceShape, String hfName, long[] hfShape, boolean transpose) {
    }

    /** The configs each checkpoint's reader must infer (what the models' Hugging Face config.json says). */
    static final Map<String, ModelConfig> EXPECTED = Map.of(
            "minilm-l6", ModelConfig.bert(Architecture.BERT, 6, 384, 12, 1536, 30522, 512, 2, 1e-12, Activation.GELU_ERF, 0),
            "bge-small-zh", ModelConfig.bert(Architecture.BERT, 4, 512, 8, 2048, 21128, 512, 2, 1e-12, Activation.GELU_ERF, 0),
            "bert-base-uncased", ModelConfig.bert(Architecture.BERT, 12, 768, 12, 3072, 30522, 512, 2, 1e-12,
                    Activation.GELU_ERF, 0),
            "mbert-cased", ModelConfig.bert(Architecture.BERT, 12, 768, 12, 3072, 119547, 512, 2, 1e-12,
                    Activation.GELU_ERF, 0));

    private RealCheckpoints() {
    }

    static Path directory(String name) {
        return ModelStore.defaultStore().directory(name);
    }

    static List<Row> mapping(String name) {
        Path tsv = Fixtures.mapping(name);
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tsv, e);
        }
        assertEquals("source_name\tsource_shape\thf_name\thf_shape\ttranspose", lines.get(0), tsv + " header");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t");
            assertEquals(5, c.length, tsv + ": " + line);
            assertTrue(c[4].equals("yes") || c[4].equals("no"), tsv + ": " + line);
            rows.add(new Row(c[0], shape(c[1]), c[2], shape(c[3]), c[4].equals("yes")));
        }
        return rows;
    }

    /** "[30522, 384]" → {30522, 384}; "[]" → {}. */
    static long[] shape(String s) {
        String inner = s.trim().replaceAll("^\\[|\\]$", "").trim();
        return inner.isEmpty() ? new long[0] : Arrays.stream(inner.split(",")).map(String::trim).mapToLong(Long::parseLong)
                .toArray();
    }

    /** Asserts the weights hold exactly the table's HF names with the table's HF shapes. */
    static void assertMatchesTable(String name, WeightMap weights) {
        List<Row> rows = mapping(name);
        List<String> expectedNames = rows.stream().map(Row::hfName).sorted().toList();
        List<String> actualNames = weights.names().stream().sorted().toList();
        assertEquals(expectedNames, actualNames, name + ": HF names");
        for (Row r : rows) {
            assertEquals(Arrays.toString(r.hfShape()), Arrays.toString(weights.get(r.hfName()).shape()),
                    name + ": shape of " + r.hfName());
            long[] reversed = r.sourceShape().clone();
            if (r.transpose()) {
                reversed = new long[] {r.sourceShape()[1], r.sourceShape()[0]};
            }
            assertEquals(Arrays.toString(reversed), Arrays.toString(r.hfShape()), name + ": table consistency " + r.hfName());
        }
    }

    /** A copy of the first {@code bytes} bytes of {@code src} at {@code dst}. */
    static Path truncatedCopy(Path src, Path dst, long bytes) throws IOException {
        Files.createDirectories(dst.getParent());
        try (var in = Files.newInputStream(src); var out = Files.newOutputStream(dst)) {
            byte[] buf = new byte[1 << 16];
            long left = bytes;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return dst;
    }
}
