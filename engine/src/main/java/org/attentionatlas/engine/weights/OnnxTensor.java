package org.attentionatlas.engine.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One ONNX {@code TensorProto} (an initializer or a {@code Constant} node's value) as decoded from the file. The payload
 * stays in whichever field the exporter used ({@code raw_data}, {@code float_data} or {@code int64_data}) until a
 * caller asks for it as floats or longs.
 *
 * @param name       tensor name (empty for a Constant node's value)
 * @param dims       shape; empty for a scalar
 * @param dataType   ONNX {@code TensorProto.DataType} code, see {@link #dataTypeName(int)}
 * @param rawData    little-endian {@code raw_data}, or null
 * @param floatData  {@code float_data}, or null
 * @param int64Data  {@code int64_data}, or null
 * @param external   whether the payload lives in an external file ({@code data_location = EXTERNAL})
 */
public record OnnxTensor(String name, long[] dims, int dataType, ByteBuffer rawData, float[] floatData,
                         long[] int64Data, boolean external) {

    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int DOUBLE = 11;

    /** Number of elements the shape holds (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The payload as float32 values; the tensor must be FLOAT. Throws {@link IllegalStateException} otherwise. */
    public float[] floats() {
        if (dataType != FLOAT) {
            throw new IllegalStateException("tensor '" + name + "' has data type " + dataTypeName(dataType) + ", not FLOAT");
        }
        long n = elementCount();
        if (rawData != null) {
            checkBytes(n, 4);
            float[] out = new float[(int) n];
            rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
        float[] src = floatData == null ? new float[0] : floatData;
        if (src.length != n) {
            throw new IllegalStateException("tensor '" + name + "' has shape " + Arrays.toString(dims) + " but "
                    + src.length + " float values");
        }
        return src;
    }

    /** The payload as longs; the tensor must be INT64 or INT32. */
    public long[] longs() {
        long n = elementCount();
        if (dataType != INT64 && dataType != INT32) {
            throw new IllegalStateException("tensor '" + name + "' has data type " + dataTypeName(dataType) + ", not INT64");
        }
        if (rawData != null) {
            int width = dataType == INT64 ? 8 : 4;
            checkBytes(n, width);
            ByteBuffer b = rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            long[] out = new long[(int) n];
            for (int i = 0; i < out.length; i++) {
                out[i] = width == 8 ? b.getLong() : b.getInt();
            }
            return out;
        }
        long[] src = int64Data == null ? new long[0] : int64Data;
        if (src.length != n) {
            throw new IllegalStateException("tensor '" + name + "' has shape " + Arrays.toString(dims) + " but "
                    + src.length + " int64 values");
        }
        return src;
    }

    /** The single value of a one-element FLOAT, DOUBLE, INT32 or INT64 tensor. */
    public double scalar() {
        if (elementCount() != 1) {
            throw new IllegalStateException("tensor '" + name + "' with shape " + Arrays.toString(dims) + " is not a scalar");
        }
        if (dataType == FLOAT) {
            return floats()[0];
        }
        if (dataType == DOUBLE && rawData != null) {
            checkBytes(1, 8);
            return rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN).getDouble();
        }
        return longs()[0];
    }

    private void checkBytes(long n, int width) {
        if (rawData.remaining() != n * width) {
            throw new IllegalStateException("tensor '" + name + "' has shape " + Arrays.toString(dims) + " but "
                    + rawData.remaining() + " bytes of raw_data (" + n * width + " expected)");
        }
    }

    /** The ONNX name of a {@code TensorProto.DataType} code. */
    public static String dataTypeName(int code) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
            "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return code >= 0 && code < names.length ? names[code] : "type " + code;
    }

    @Override
    public String toString() {
        return name + " " + dataTypeName(dataType) + Arrays.toString(dims);
    }
}
