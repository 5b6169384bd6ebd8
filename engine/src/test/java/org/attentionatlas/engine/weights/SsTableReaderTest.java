package org.attentionatlas.engine.weights;

import org.attentionatlas.engine.load.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsTableReaderTest {

    private static Path index(String name) {
        return ModelStore.defaultStore().directory(name).resolve("variables/variables.index");
    }

    /** The real index: header under the empty key, 204 sorted float entries tiling the data file exactly. */
    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "mbert-cased"})
    void realIndexHoldsTheHeaderAndEveryVariable(String name) throws IOException {
        List<SsTableReader.Entry> entries = SsTableReader.read(index(name));
        assertEquals(205, entries.size());
        assertEquals(0, entries.get(0).key().length, "BundleHeaderProto under the empty key comes first");
        assertEquals(new BundleHeader(1, false), BundleHeader.parse(entries.get(0).value(), index(name)));
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(Arrays.compareUnsigned(entries.get(i - 1).key(), entries.get(i).key()) < 0,
                    "keys strictly increasing at " + entries.get(i).keyString());
        }
        long[] covered = new long[entries.size() - 1];
        long total = 0;
        int k = 0;
        for (SsTableReader.Entry e : entries.subList(1, entries.size())) {
            BundleEntry b = BundleEntry.parse(e.keyString(), e.value(), index(name));
            assertEquals(BundleEntry.DT_FLOAT, b.dtype(), b.toString());
            assertEquals(b.elementCount() * 4, b.size(), b.toString());
            assertEquals(0, b.shardId());
            total += b.size();
            covered[k++] = b.offset();
        }
        assertEquals(Files.size(index(name).resolveSibling("variables.data-00000-of-00001")), total,
                "the tensors fill the data file");
        assertEquals(entries.size() - 1, Arrays.stream(covered).distinct().count(), "no two tensors share an offset");
        assertEquals("module/bert/embeddings/LayerNorm/beta", entries.get(1).keyString());
        BundleEntry words = BundleEntry.parse("w", valueOf(entries, "module/bert/embeddings/word_embeddings"), index(name));
        assertEquals(768, words.shape()[1]);
    }

    private static byte[] valueOf(List<SsTableReader.Entry> entries, String key) {
        return entries.stream().filter(e -> e.keyString().equals(key)).findFirst().orElseThrow().value();
    }

    @Test
    void syntheticTableWithSeveralBlocksAndPrefixCompression(@TempDir Path tmp) throws IOException {
        Map<byte[], byte[]> in = new LinkedHashMap<>();
        String[] keys = {"", "a", "abc", "abcd", "abd", "b", "bert/encoder/layer_0/x", "bert/encoder/layer_0/y",
            "bert/encoder/layer_1/x", "z"};
        for (String key : keys) {
            in.put(key.getBytes(StandardCharsets.UTF_8), ("v:" + key).getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(tmp.resolve("t.index"), TestBundles.table(in, 4, 3));
        List<SsTableReader.Entry> out = SsTableReader.read(file);
        assertEquals(keys.length, out.size());
        for (int i = 0; i < keys.length; i++) {
            assertEquals(keys[i], out.get(i).keyString());
            assertArrayEquals(("v:" + keys[i]).getBytes(StandardCharsets.UTF_8), out.get(i).value());
        }
    }

    @Test
    void badMagicIsReported(@TempDir Path tmp) throws IOException {
        byte[] bytes = Files.readAllBytes(index("bert-base-uncased"));
        bytes[bytes.length - 1] ^= 1;
        Path file = Files.write(tmp.resolve("bad.index"), bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SsTableReader.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("bad table magic"), e.getMessage());
    }

    @Test
    void flippedBlockByteFailsTheBlockChecksum(@TempDir Path tmp) throws IOException {
        byte[] bytes = Files.readAllBytes(index("bert-base-uncased"));
        bytes[40] ^= 0x20; // inside the first data block (a key character)
        Path file = Files.write(tmp.resolve("flip.index"), bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SsTableReader.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("CRC32C"), e.getMessage());
    }

    @Test
    void compressedBlocksAreRejected(@TempDir Path tmp) throws IOException {
        Map<byte[], byte[]> in = new LinkedHashMap<>();
        in.put("k".getBytes(StandardCharsets.UTF_8), new byte[] {1});
        byte[] bytes = TestBundles.table(in, 10, 1);
        int blockLength = 1 + 1 + 1 + 1 + 1 + 4 + 4; // entry (3 varints, key, value) + one restart + count
        bytes[blockLength] = 1; // compression type byte of the first data block: snappy
        Path file = Files.write(tmp.resolve("snappy.index"), bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SsTableReader.read(file));
        assertTrue(e.getMessage().contains("compression type 1"), e.getMessage());
    }

    @Test
    void tooShortAndMissingFilesFail(@TempDir Path tmp) throws IOException {
        Path tiny = Files.write(tmp.resolve("tiny.index"), new byte[10]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> SsTableReader.read(tiny));
        assertTrue(e.getMessage().contains("tiny.index") && e.getMessage().contains("shorter than"), e.getMessage());
        CheckpointException missing = assertThrows(CheckpointException.class, () -> SsTableReader.read(tmp.resolve("x.index")));
        assertTrue(missing.getMessage().contains("x.index") && missing.getMessage().contains("not found"), missing.getMessage());
    }
}
