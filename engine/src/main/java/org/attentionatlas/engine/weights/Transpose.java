package org.attentionatlas.engine.weights;

/** Cache-friendly 2-D transposition for checkpoint formats that store Linear weights as {@code [in, out]}. */
public final class Transpose {

    private static final int BLOCK = 64;

    private Transpose() {
    }

    /** Transposes a row-major {@code [rows, cols]} matrix into a new row-major {@code [cols, rows]} array. */
    public static float[] of(float[] src, int rows, int cols) {
        if ((long) rows * cols != src.length) {
            throw new IllegalArgumentException("matrix [" + rows + ", " + cols + "] needs " + (long) rows * cols
                    + " values, got " + src.length);
        }
        float[] dst = new float[src.length];
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            int r1 = Math.min(rows, r0 + BLOCK);
            for (int c0 = 0; c0 < cols; c0 += BLOCK) {
                int c1 = Math.min(cols, c0 + BLOCK);
                for (int r = r0; r < r1; r++) {
                    int base = r * cols;
                    for (int c = c0; c < c1; c++) {
                        dst[c * rows + r] = src[base + c];
                    }
                }
            }
        }
        return dst;
    }

    /** The transpose of a 2-D tensor under a new name. */
    public static HostTensor of(HostTensor t, String newName) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException("tensor " + t + " is not 2-D");
        }
        int rows = (int) t.dim(0);
        int cols = (int) t.dim(1);
        return new HostTensor(newName, new long[] {cols, rows}, of(t.data(), rows, cols));
    }
}
