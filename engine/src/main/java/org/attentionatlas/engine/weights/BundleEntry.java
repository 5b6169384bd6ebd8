package org.attentionatlas.engine.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One TF {@code BundleEntryProto}: where a tensor's bytes are in the data shards.
 *
 * @param name     the tensor's key in the index
 * @param dtype    TF {@code DataType} code ({@link #DT_FLOAT} = 1)
 * @param shape    dims; empty for a scalar
 * @param shardId  which {@code .data-NNNNN-of-MMMMM} file
 * @param offset   byte offset in that file
 * @param size     byte length
 * @param crc32c   masked CRC32C of the bytes, or null when the entry has none
 * @param sliced   whether the entry is a partitioned variable described by slices (not supported for reading)
 */
public record BundleEntry(String name, int dtype, long[] shape, int shardId, long offset, long size, Integer crc32c,
                          boolean sliced) {

    public static final int DT_FLOAT = 1;

    /** Parses the value stored under {@code name}; {@code index} is used in error messages. */
    public static BundleEntry parse(String name, byte[] value, Path index) {
        CodedInputStream in = CodedInputStream.newInstance(value);
        int dtype = 0;
        List<Long> shape = new ArrayList<>();
        int shardId = 0;
        long offset = 0;
        long size = 0;
        Integer crc = null;
        boolean sliced = false;
        try {
            int tag;
            while ((tag = in.readTag()) != 0) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> dtype = in.readEnum();
                    case 2 -> {
                        int old = in.pushLimit(in.readRawVarint32());
                        readShape(in, shape);
                        in.popLimit(old);
                    }
                    case 3 -> shardId = in.readInt32();
                    case 4 -> offset = in.readInt64();
                    case 5 -> size = in.readInt64();
                    case 6 -> crc = in.readFixed32();
                    case 7 -> {
                        sliced = true;
                        in.skipField(tag);
                    }
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + index + " is corrupt: entry '" + name
                    + "' is not a valid BundleEntryProto (" + e.getMessage() + ")", e);
        }
        return new BundleEntry(name, dtype, shape.stream().mapToLong(Long::longValue).toArray(), shardId, offset, size,
                crc, sliced);
    }

    /** TensorShapeProto: {@code dim = 2} (Dim: {@code size = 1}), {@code unknown_rank = 3}. */
    private static void readShape(CodedInputStream in, List<Long> shape) throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 2) {
                int old = in.pushLimit(in.readRawVarint32());
                long dimSize = 0;
                int t;
                while ((t = in.readTag()) != 0) {
                    if (WireFormat.getTagFieldNumber(t) == 1) {
                        dimSize = in.readInt64();
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(old);
                shape.add(dimSize);
            } else {
                in.skipField(tag);
            }
        }
    }

    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The TF name of a {@code DataType} code, e.g. {@code DT_INT64}. */
    public static String dtypeName(int code) {
        String[] names = {"DT_INVALID", "DT_FLOAT", "DT_DOUBLE", "DT_INT32", "DT_UINT8", "DT_INT16", "DT_INT8",
            "DT_STRING", "DT_COMPLEX64", "DT_INT64", "DT_BOOL", "DT_QINT8", "DT_QUINT8", "DT_QINT32", "DT_BFLOAT16",
            "DT_QINT16", "DT_QUINT16", "DT_UINT16", "DT_COMPLEX128", "DT_HALF", "DT_RESOURCE", "DT_VARIANT",
            "DT_UINT32", "DT_UINT64"};
        return code >= 0 && code < names.length ? names[code] : "dtype " + code;
    }

    @Override
    public String toString() {
        return name + " " + dtypeName(dtype) + Arrays.toString(shape) + " shard " + shardId + " @" + offset + "+" + size;
    }
}
