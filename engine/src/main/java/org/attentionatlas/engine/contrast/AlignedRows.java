package org.attentionatlas.engine.contrast;

/**
 * A word-level matrix cut to the aligned units: rows are the aligned query units, columns the aligned key units, each
 * row renormalised to sum to 1. A row with no mass on the aligned keys stays null.
 */
final class AlignedRows {

    private AlignedRows() {
    }

    static double[][] of(float[][] words, int[] units) {
        int m = units.length;
        double[][] out = new double[m][];
        for (int r = 0; r < m; r++) {
            float[] row = words[units[r]];
            double[] cut = new double[m];
            double sum = 0;
            for (int c = 0; c < m; c++) {
                cut[c] = row[units[c]];
                sum += cut[c];
            }
            if (sum > 0) {
                for (int c = 0; c < m; c++) {
                    cut[c] /= sum;
                }
                out[r] = cut;
            }
        }
        return out;
    }

    /** Mean JS over the rows present on both sides; 0 when none is. */
    static double meanDivergence(double[][] a, double[][] b) {
        double sum = 0;
        int rows = 0;
        for (int r = 0; r < a.length; r++) {
            if (a[r] != null && b[r] != null) {
                sum += JensenShannon.divergence(a[r], b[r]);
                rows++;
            }
        }
        return rows == 0 ? 0 : sum / rows;
    }

    /** a − b row by row (a row missing on either side is all zeros), as float for the JSON. */
    static float[][] difference(double[][] a, double[][] b) {
        float[][] out = new float[a.length][a.length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; a[r] != null && b[r] != null && c < a.length; c++) {
                out[r][c] = (float) (a[r][c] - b[r][c]);
            }
        }
        return out;
    }

    /** Mean over the query units {@code rows} of the mass each gives to the units {@code keys}. */
    static double meanMassTo(float[][] words, int[] rows, int[] keys) {
        if (rows.length == 0 || keys.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int q : rows) {
            for (int k : keys) {
                sum += words[q][k];
            }
        }
        return sum / rows.length;
    }
}
