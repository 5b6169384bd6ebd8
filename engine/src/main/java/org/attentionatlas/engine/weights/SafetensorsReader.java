package org.attentionatlas.engine.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads HF {@code model.safetensors} files (and sharded {@code model.safetensors.index.json} sets) into a
 * {@link WeightMap}. F32 is read as is; F16 and BF16 are widened to float32.
 */
public final class SafetensorsReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafetensorsReader() {
    }

    /** Reads {@code model.safetensors} or, when absent, the shards named by {@code model.safetensors.index.json}. */
    public static WeightMap readDirectory(Path dir) {
        Path single = dir.resolve("model.safetensors");
        if (Files.isRegularFile(single)) {
            return read(single);
        }
        Path index = dir.resolve("model.safetensors.index.json");
        if (!Files.isRegularFile(index)) {
            throw new CheckpointException("checkpoint " + dir + ": neither model.safetensors nor model.safetensors.index.json found");
        }
        WeightMap out = new WeightMap(dir.toString());
        Set<String> shards = new LinkedHashSet<>();
        try {
            JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
            if (!map.isObject()) {
                throw new CheckpointException("checkpoint " + index + ": no 'weight_map' object");
            }
            map.elements().forEachRemaining(n -> shards.add(n.asText()));
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + index + ": not valid JSON: " + e.getMessage(), e);
        }
        for (String shard : shards) {
            Path p = dir.resolve(shard).normalize();
            if (!p.startsWith(dir.normalize())) {
                throw new CheckpointException("checkpoint " + index + ": shard '" + shard + "' points outside the folder");
            }
            WeightMap part = read(p);
            part.names().forEach(n -> out.put(part.get(n)));
        }
        return out;
    }

    /** Reads every tensor of one safetensors file. */
    public static WeightMap read(Path file) {
        WeightMap out = new WeightMap(file.toString());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw corrupt(file, "file is " + size + " bytes, shorter than the 8-byte header length");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
                throw corrupt(file, "header length " + headerLen + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headerBuf, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw corrupt(file, "header is not valid JSON (" + e.getMessage() + ")");
            }
            long dataStart = 8 + headerLen;
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                out.put(readTensor(file, ch, dataStart, size, e.getKey(), e.getValue()));
            }
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + ": cannot read: " + e, e);
        }
        return out;
    }

    private static HostTensor readTensor(Path file, FileChannel ch, long dataStart, long size, String name, JsonNode info)
            throws IOException {
        String dtype = info.path("dtype").asText();
        JsonNode shapeNode = info.path("shape");
        JsonNode offsets = info.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw corrupt(file, "tensor '" + name + "' lacks shape or data_offsets");
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
            count *= shape[i];
        }
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new CheckpointException("checkpoint " + file + ": tensor '" + name + "' has dtype " + dtype
                    + "; only F32, F16 and BF16 weights are supported");
        };
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (end - begin != count * width || dataStart + end > size || begin < 0) {
            throw corrupt(file, "tensor '" + name + "' data [" + begin + ", " + end + ") does not match shape "
                    + java.util.Arrays.toString(shape) + " or runs past the end of the file");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, buf, dataStart + begin);
        buf.flip();
        float[] data = new float[(int) count];
        if (width == 4) {
            buf.asFloatBuffer().get(data);
        } else {
            for (int i = 0; i < data.length; i++) {
                short s = buf.getShort();
                data[i] = dtype.equals("BF16") ? Float.intBitsToFloat((s & 0xffff) << 16) : halfToFloat(s);
            }
        }
        return new HostTensor(name, shape, data);
    }

    /** IEEE 754 binary16 to float32 (Float.float16ToFloat arrives only in Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    private static CheckpointException corrupt(Path file, String what) {
        return new CheckpointException("checkpoint " + file + " is corrupt: " + what);
    }
}
