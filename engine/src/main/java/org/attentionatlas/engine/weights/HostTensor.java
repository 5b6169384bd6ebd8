package org.attentionatlas.engine.weights;

import java.util.Arrays;

/** A float32 tensor held on the Java heap, row-major, as read from a checkpoint before it goes to the device. */
public record HostTensor(String name, long[] shape, float[] data) {

    public HostTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "tensor " + name + ": shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    /** The transpose of a 2-D tensor: checkpoint formats that compute {@code x·K} store HF's {@code [out, in]} as {@code [in, out]}. */
    public HostTensor transpose2d(String newName) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("tensor " + name + " is not 2-D: " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[r * cols + c];
            }
        }
        return new HostTensor(newName, new long[] {cols, rows}, out);
    }

    public HostTensor renamed(String newName) {
        return new HostTensor(newName, shape, data);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
