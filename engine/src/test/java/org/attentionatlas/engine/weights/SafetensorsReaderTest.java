package org.attentionatlas.engine.weights;

import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shardedCheckpointEqualsTheSingleFile() throws IOException {
        WeightMap single = SafetensorsReader.readDirectory(Fixtures.tinyModel("tiny-bert"));
        List<String> names = new ArrayList<>(single.names());
        List<String> first = names.subList(0, names.size() / 2);
        List<String> second = names.subList(names.size() / 2, names.size());
        write(tmp.resolve("model-00001-of-00002.safetensors"), single, first, "F32");
        write(tmp.resolve("model-00002-of-00002.safetensors"), single, second, "F32");
        StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
        for (int i = 0; i < names.size(); i++) {
            index.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\": \"model-0000")
                    .append(i < first.size() ? 1 : 2).append("-of-00002.safetensors\"");
        }
        Files.writeString(tmp.resolve("model.safetensors.index.json"), index.append("}}").toString());
        WeightMap sharded = SafetensorsReader.readDirectory(tmp);
        assertEquals(new java.util.TreeSet<>(single.names()), new java.util.TreeSet<>(sharded.names()));
        for (String n : names) {
            assertArrayEquals(single.get(n).data(), sharded.get(n).data(), n);
            assertArrayEquals(single.get(n).shape(), sharded.get(n).shape(), n);
        }
    }

    @Test
    void halfPrecisionIsWidened() throws IOException {
        WeightMap w = new WeightMap("test");
        w.put(new HostTensor("a", new long[] {4}, new float[] {1f, -2.5f, 0.099975586f, 65504f}));
        Path f = tmp.resolve("h.safetensors");
        write(f, w, List.of("a"), "F16");
        assertArrayEquals(new float[] {1f, -2.5f, 0.099975586f, 65504f}, SafetensorsReader.read(f).get("a").data());
        write(f, w, List.of("a"), "BF16");
        assertArrayEquals(new float[] {1f, -2.5f, 0.099609375f, 65280f}, SafetensorsReader.read(f).get("a").data());
    }

    @Test
    void corruptHeaderAndMissingFilesAreNamed() throws IOException {
        Path f = tmp.resolve("bad.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsReader.read(f));
        assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("corrupt"), e.getMessage());
        byte[] header = "{not json".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Files.write(f, b.array());
        e = assertThrows(CheckpointException.class, () -> SafetensorsReader.read(f));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = assertThrows(CheckpointException.class, () -> SafetensorsReader.readDirectory(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    /** A minimal safetensors writer: F32, F16 rounded to nearest, BF16 truncated. */
    static void write(Path file, WeightMap w, List<String> names, String dtype) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        StringBuilder header = new StringBuilder("{");
        for (String n : names) {
            HostTensor t = w.get(n);
            int width = dtype.equals("F32") ? 4 : 2;
            ByteBuffer buf = ByteBuffer.allocate(t.data().length * width).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : t.data()) {
                if (dtype.equals("F32")) {
                    buf.putFloat(v);
                } else if (dtype.equals("BF16")) {
                    buf.putShort((short) (Float.floatToIntBits(v) >>> 16));
                } else {
                    buf.putShort(toHalf(v));
                }
            }
            long begin = data.size();
            data.write(buf.array());
            header.append(header.length() > 1 ? "," : "").append('"').append(n).append("\":{\"dtype\":\"").append(dtype)
                    .append("\",\"shape\":").append(java.util.Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(begin).append(',').append(data.size()).append("]}");
        }
        byte[] h = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(data.toByteArray());
        Files.write(file, out.array());
    }

    /** float32 to binary16 for the normal values the test uses (round to nearest). */
    private static short toHalf(float v) {
        int bits = Float.floatToIntBits(v);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        int half = sign | (exp << 10) | (mant >>> 13);
        if ((mant & 0x1000) != 0) {
            half++;
        }
        return (short) half;
    }
}
