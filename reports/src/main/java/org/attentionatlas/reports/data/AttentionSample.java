package org.attentionatlas.reports.data;

/**
 * Raw attention of one sampled document (its first window), from the samples table.
 *
 * @param attention [layer][head][query][key]
 */
public record AttentionSample(String docId, String language, String model, String revision, String runId,
                              String[] tokens, float[][][][] attention) {

    public int layers() {
        return attention.length;
    }

    public int heads() {
        return attention[0].length;
    }

    /** Head-averaged attention, [layer][query][key]. */
    public float[][][] headMeans() {
        int n = tokens.length;
        float[][][] out = new float[layers()][n][n];
        for (int l = 0; l < layers(); l++) {
            for (float[][] head : attention[l]) {
                for (int q = 0; q < n; q++) {
                    for (int k = 0; k < n; k++) {
                        out[l][q][k] += head[q][k] / heads();
                    }
                }
            }
        }
        return out;
    }
}
