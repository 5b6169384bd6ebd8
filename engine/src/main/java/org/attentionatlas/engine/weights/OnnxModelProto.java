package org.attentionatlas.engine.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an ONNX {@code ModelProto} with {@link CodedInputStream} by the field numbers of {@code onnx.proto}, without
 * generated classes. Only the graph's nodes and initializers are kept; every other field is skipped.
 *
 * <p>Every nested message's length is checked against the bytes left in the file, so a truncated file fails instead
 * of yielding a silently shortened graph (protobuf itself checks strings and bytes, but a pushed limit past the end of
 * the buffer only shows up as an early {@code isAtEnd()}).
 */
public final class OnnxModelProto {

    // ModelProto
    private static final int MODEL_GRAPH = 7;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_F = 2;
    private static final int ATTR_I = 3;
    private static final int ATTR_S = 4;
    private static final int ATTR_T = 5;
    private static final int ATTR_INTS = 8;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int DATA_LOCATION_EXTERNAL = 1;
    private static final long MAX_FILE = Integer.MAX_VALUE - 8;

    private final Path file;
    private final CodedInputStream in;
    private final int size;

    private OnnxModelProto(Path file, byte[] bytes) {
        this.file = file;
        this.size = bytes.length;
        this.in = CodedInputStream.newInstance(bytes);
        in.enableAliasing(true); // raw_data slices point into the file bytes instead of being copied
        in.setSizeLimit(Integer.MAX_VALUE);
    }

    /** Reads and decodes {@code file}. */
    public static OnnxGraph read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE) {
                throw new CheckpointException("checkpoint " + file + ": " + size + " bytes is above protobuf's 2 GB limit; "
                        + "such exports keep their weights as external data, which is not supported");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + ": file not found");
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + ": cannot read: " + e, e);
        }
        return decode(file, bytes);
    }

    /** Decodes ONNX model bytes; {@code file} is used in error messages. */
    public static OnnxGraph decode(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw corrupt(file, "file is empty");
        }
        try {
            return new OnnxModelProto(file, bytes).model();
        } catch (InvalidProtocolBufferException e) {
            throw corrupt(file, "not a valid ONNX protobuf (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw corrupt(file, e.toString(), e);
        }
    }

    private OnnxGraph model() throws IOException {
        OnnxGraph graph = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (field(tag) == MODEL_GRAPH && lengthDelimited(tag)) {
                int old = enter("ModelProto.graph");
                graph = graph();
                in.popLimit(old);
            } else {
                in.skipField(tag);
            }
        }
        if (graph == null) {
            throw corrupt(file, "the ModelProto holds no graph (field 7)");
        }
        return graph;
    }

    private OnnxGraph graph() throws IOException {
        List<OnnxNode> nodes = new ArrayList<>();
        List<OnnxTensor> initializers = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            int f = field(tag);
            if (f == GRAPH_NODE && lengthDelimited(tag)) {
                int old = enter("GraphProto.node");
                nodes.add(node());
                in.popLimit(old);
            } else if (f == GRAPH_INITIALIZER && lengthDelimited(tag)) {
                int old = enter("GraphProto.initializer");
                initializers.add(tensor());
                in.popLimit(old);
            } else {
                in.skipField(tag);
            }
        }
        return new OnnxGraph(file, nodes, initializers);
    }

    private OnnxNode node() throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (field(tag)) {
                case NODE_INPUT -> inputs.add(string(tag));
                case NODE_OUTPUT -> outputs.add(string(tag));
                case NODE_NAME -> name = string(tag);
                case NODE_OP_TYPE -> opType = string(tag);
                case NODE_ATTRIBUTE -> {
                    expectLengthDelimited(tag, "NodeProto.attribute");
                    int old = enter("NodeProto.attribute");
                    OnnxAttribute a = attribute();
                    attributes.put(a.name(), a);
                    in.popLimit(old);
                }
                default -> in.skipField(tag);
            }
        }
        return new OnnxNode(name, opType, List.copyOf(inputs), List.copyOf(outputs), attributes);
    }

    private OnnxAttribute attribute() throws IOException {
        String name = "";
        float f = 0;
        long i = 0;
        byte[] s = null;
        OnnxTensor t = null;
        List<Long> ints = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (field(tag)) {
                case ATTR_NAME -> name = string(tag);
                case ATTR_F -> {
                    expectWireType(tag, WireFormat.WIRETYPE_FIXED32, "AttributeProto.f");
                    f = in.readFloat();
                }
                case ATTR_I -> {
                    expectWireType(tag, WireFormat.WIRETYPE_VARINT, "AttributeProto.i");
                    i = in.readInt64();
                }
                case ATTR_S -> {
                    expectLengthDelimited(tag, "AttributeProto.s");
                    s = in.readByteArray();
                }
                case ATTR_T -> {
                    expectLengthDelimited(tag, "AttributeProto.t");
                    int old = enter("AttributeProto.t");
                    t = tensor();
                    in.popLimit(old);
                }
                case ATTR_INTS -> readInt64s(tag, ints, "AttributeProto.ints");
                default -> in.skipField(tag);
            }
        }
        return new OnnxAttribute(name, f, i, s, t, ints.stream().mapToLong(Long::longValue).toArray());
    }

    private OnnxTensor tensor() throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        float[] floats = null;
        List<Long> int64s = null;
        boolean external = false;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (field(tag)) {
                case TENSOR_DIMS -> readInt64s(tag, dims, "TensorProto.dims");
                case TENSOR_DATA_TYPE -> {
                    expectWireType(tag, WireFormat.WIRETYPE_VARINT, "TensorProto.data_type");
                    dataType = in.readInt32();
                }
                case TENSOR_FLOAT_DATA -> floats = readFloats(tag, floats);
                case TENSOR_INT64_DATA -> {
                    if (int64s == null) {
                        int64s = new ArrayList<>();
                    }
                    readInt64s(tag, int64s, "TensorProto.int64_data");
                }
                case TENSOR_NAME -> name = string(tag);
                case TENSOR_RAW_DATA -> {
                    expectLengthDelimited(tag, "TensorProto.raw_data");
                    raw = in.readByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                }
                case TENSOR_EXTERNAL_DATA -> {
                    external = true;
                    in.skipField(tag);
                }
                case TENSOR_DATA_LOCATION -> {
                    expectWireType(tag, WireFormat.WIRETYPE_VARINT, "TensorProto.data_location");
                    external |= in.readInt32() == DATA_LOCATION_EXTERNAL;
                }
                default -> in.skipField(tag);
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long[] int64Data = int64s == null ? null : int64s.stream().mapToLong(Long::longValue).toArray();
        return new OnnxTensor(name, shape, dataType, raw, floats, int64Data, external);
    }

    // ---- primitives ----

    private String string(int tag) throws IOException {
        expectLengthDelimited(tag, "string field " + field(tag));
        return in.readString();
    }

    private void readInt64s(int tag, List<Long> out, String what) throws IOException {
        if (lengthDelimited(tag)) { // packed
            int old = enter(what);
            while (!in.isAtEnd()) {
                out.add(in.readInt64());
            }
            in.popLimit(old);
        } else {
            expectWireType(tag, WireFormat.WIRETYPE_VARINT, what);
            out.add(in.readInt64());
        }
    }

    private float[] readFloats(int tag, float[] sofar) throws IOException {
        float[] more;
        if (lengthDelimited(tag)) { // packed
            int len = in.readRawVarint32();
            requireAvailable(len, "TensorProto.float_data");
            if (len % 4 != 0) {
                throw corrupt(file, "packed float_data of " + len + " bytes is not a multiple of 4");
            }
            more = new float[len / 4];
            ByteBuffer.wrap(in.readRawBytes(len)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(more);
        } else {
            expectWireType(tag, WireFormat.WIRETYPE_FIXED32, "TensorProto.float_data");
            more = new float[] {in.readFloat()};
        }
        if (sofar == null) {
            return more;
        }
        float[] all = java.util.Arrays.copyOf(sofar, sofar.length + more.length);
        System.arraycopy(more, 0, all, sofar.length, more.length);
        return all;
    }

    /** Reads a length prefix, checks it against the bytes left in the file and pushes it as the limit. */
    private int enter(String what) throws IOException {
        int len = in.readRawVarint32();
        requireAvailable(len, what);
        return in.pushLimit(len);
    }

    private void requireAvailable(int len, String what) {
        int at = in.getTotalBytesRead();
        if (len < 0 || (long) at + len > size) {
            throw corrupt(file, what + " at byte " + at + " claims " + len + " bytes but the file has only "
                    + Math.max(0, size - at) + " left (truncated file?)");
        }
    }

    private static int field(int tag) {
        return WireFormat.getTagFieldNumber(tag);
    }

    private static boolean lengthDelimited(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    private void expectLengthDelimited(int tag, String what) {
        expectWireType(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
    }

    private void expectWireType(int tag, int wireType, String what) {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw corrupt(file, what + " has wire type " + WireFormat.getTagWireType(tag) + ", expected " + wireType
                    + " (at byte " + in.getTotalBytesRead() + ")");
        }
    }

    static CheckpointException corrupt(Path file, String what) {
        return new CheckpointException("checkpoint " + file + " is corrupt: " + what);
    }

    static CheckpointException corrupt(Path file, String what, Throwable cause) {
        return new CheckpointException("checkpoint " + file + " is corrupt: " + what, cause);
    }
}
