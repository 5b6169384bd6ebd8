package org.attentionatlas.engine.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/** Writes small synthetic SSTables and TF tensor bundles for tests (LevelDB table format, uncompressed). */
final class TestBundles {

    /** A variable to store: dtype code, shape and its little-endian bytes. */
    record Var(String name, int dtype, long[] shape, byte[] data) {

        static Var floats(String name, long[] shape, float... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            return new Var(name, BundleEntry.DT_FLOAT, shape, b.array());
        }

        static Var int64(String name, long value) {
            return new Var(name, 9, new long[0],
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        }
    }

    private TestBundles() {
    }

    /** Writes {@code dir/variables.index} and {@code dir/variables.data-00000-of-00001}. */
    static Path writeBundle(Path dir, List<Var> vars) throws IOException {
        Files.createDirectories(dir);
        TreeMap<String, byte[]> entries = new TreeMap<>();
        entries.put("", OnnxCheckpointReaderTest.message(o -> {
            o.writeInt32(1, 1);
            o.writeByteArray(3, OnnxCheckpointReaderTest.message(v -> v.writeInt32(1, 1)));
        }));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Var v : vars) {
            long offset = data.size();
            data.write(v.data());
            CRC32C crc = new CRC32C();
            crc.update(v.data());
            entries.put(v.name(), OnnxCheckpointReaderTest.message(o -> {
                o.writeEnum(1, v.dtype());
                o.writeByteArray(2, OnnxCheckpointReaderTest.message(s -> {
                    for (long d : v.shape()) {
                        s.writeByteArray(2, OnnxCheckpointReaderTest.message(dim -> dim.writeInt64(1, d)));
                    }
                }));
                if (offset != 0) {
                    o.writeInt64(4, offset);
                }
                o.writeInt64(5, v.data().length);
                o.writeFixed32(6, BundleShards.mask((int) crc.getValue()));
            }));
        }
        Files.write(dir.resolve("variables.data-00000-of-00001"), data.toByteArray());
        Map<byte[], byte[]> raw = new java.util.LinkedHashMap<>();
        entries.forEach((k, v) -> raw.put(k.getBytes(StandardCharsets.UTF_8), v));
        Path index = dir.resolve("variables.index");
        Files.write(index, table(raw, 3, 2));
        return index;
    }

    /**
     * An SSTable of {@code entries} (already in key order): {@code perBlock} entries per data block, a restart point
     * every {@code restartInterval} entries, keys prefix-compressed between restarts.
     */
    static byte[] table(Map<byte[], byte[]> entries, int perBlock, int restartInterval) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<byte[][]> all = new ArrayList<>();
        entries.forEach((k, v) -> all.add(new byte[][] {k, v}));
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        List<Integer> indexRestarts = new ArrayList<>();
        for (int start = 0; start < all.size(); start += perBlock) {
            List<byte[][]> chunk = all.subList(start, Math.min(all.size(), start + perBlock));
            long offset = file.size();
            byte[] block = block(chunk, restartInterval);
            writeBlock(file, block);
            byte[] lastKey = chunk.get(chunk.size() - 1)[0];
            indexRestarts.add(index.size());
            writeEntry(index, 0, lastKey, handle(offset, block.length));
        }
        long metaOffset = file.size();
        byte[] meta = block(List.of(), 1);
        writeBlock(file, meta);
        long indexOffset = file.size();
        byte[] indexBlock = finish(index, indexRestarts);
        writeBlock(file, indexBlock);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        footer.writeBytes(handle(metaOffset, meta.length));
        footer.writeBytes(handle(indexOffset, indexBlock.length));
        while (footer.size() < 40) {
            footer.write(0);
        }
        footer.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(SsTableReader.MAGIC).array());
        file.writeBytes(footer.toByteArray());
        return file.toByteArray();
    }

    private static byte[] block(List<byte[][]> chunk, int restartInterval) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> restarts = new ArrayList<>();
        byte[] prev = new byte[0];
        for (int i = 0; i < chunk.size(); i++) {
            byte[] key = chunk.get(i)[0];
            int shared = 0;
            if (i % restartInterval == 0) {
                restarts.add(out.size());
            } else {
                while (shared < prev.length && shared < key.length && prev[shared] == key[shared]) {
                    shared++;
                }
            }
            writeEntry(out, shared, key, chunk.get(i)[1]);
            prev = key;
        }
        if (restarts.isEmpty()) {
            restarts.add(0);
        }
        return finish(out, restarts);
    }

    private static byte[] finish(ByteArrayOutputStream out, List<Integer> restarts) {
        ByteBuffer tail = ByteBuffer.allocate(4 * restarts.size() + 4).order(ByteOrder.LITTLE_ENDIAN);
        restarts.forEach(tail::putInt);
        tail.putInt(restarts.size());
        out.writeBytes(tail.array());
        return out.toByteArray();
    }

    private static void writeEntry(ByteArrayOutputStream out, int shared, byte[] key, byte[] value) {
        varint(out, shared);
        varint(out, key.length - shared);
        varint(out, value.length);
        out.write(key, shared, key.length - shared);
        out.writeBytes(value);
    }

    private static void writeBlock(ByteArrayOutputStream file, byte[] block) {
        file.writeBytes(block);
        file.write(0);
        CRC32C crc = new CRC32C();
        crc.update(block);
        crc.update(0);
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(BundleShards.mask((int) crc.getValue()))
                .array());
    }

    private static byte[] handle(long offset, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, offset);
        varint(out, size);
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

}
