package org.attentionatlas.web;

/** Small matrix helpers for the API: head means, word aggregation inputs and pooling for thumbnails. */
public final class Matrices {

    private Matrices() {
    }

    /** Block means so that an n × n matrix becomes at most size × size (unchanged when n ≤ size). */
    public static float[][] pool(float[][] m, int size) {
        int n = m.length;
        if (n <= size) {
            return m;
        }
        float[][] out = new float[size][size];
        int[][] counts = new int[size][size];
        for (int q = 0; q < n; q++) {
            int r = (int) ((long) q * size / n);
            for (int k = 0; k < m[q].length; k++) {
                int c = (int) ((long) k * size / m[q].length);
                out[r][c] += m[q][k];
                counts[r][c]++;
            }
        }
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                out[r][c] = counts[r][c] == 0 ? 0 : out[r][c] / counts[r][c];
            }
        }
        return out;
    }

    public static double[][] toDouble(float[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }

    public static double max(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
