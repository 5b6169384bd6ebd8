package org.attentionatlas.engine.attention;

import org.attentionatlas.engine.tokenize.Encoding;

/**
 * Word-level attention from token-level attention: a query word's row is the mean of its sub-tokens' rows, and a key
 * word receives the sum of its sub-tokens' columns (so rows still sum to 1 over words and special tokens). Special
 * tokens stay units of their own.
 */
public final class WordAttention {

    private final int[] unitOfToken;
    private final String[] labels;

    private WordAttention(int[] unitOfToken, String[] labels) {
        this.unitOfToken = unitOfToken;
        this.labels = labels;
    }

    /** Units in text order: each special token alone, each word as one unit. */
    public static WordAttention of(Encoding e) {
        int n = e.length();
        int[] unit = new int[n];
        java.util.List<String> labels = new java.util.ArrayList<>();
        int lastWord = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int w = e.wordIds()[i];
            if (w < 0 || e.special()[i]) {
                labels.add(e.tokens()[i]);
                lastWord = Integer.MIN_VALUE;
            } else if (w != lastWord) {
                labels.add(e.word(w));
                lastWord = w;
            }
            unit[i] = labels.size() - 1;
        }
        return new WordAttention(unit, labels.toArray(new String[0]));
    }

    public String[] labels() {
        return labels.clone();
    }

    public int unitOf(int token) {
        return unitOfToken[token];
    }

    /** [query unit][key unit] from [query token][key token]. */
    public float[][] aggregate(float[][] tokenAttention) {
        int u = labels.length;
        float[][] out = new float[u][u];
        int[] tokensPerUnit = new int[u];
        for (int unit : unitOfToken) {
            tokensPerUnit[unit]++;
        }
        for (int q = 0; q < tokenAttention.length; q++) {
            int qu = unitOfToken[q];
            for (int k = 0; k < tokenAttention[q].length; k++) {
                out[qu][unitOfToken[k]] += tokenAttention[q][k] / tokensPerUnit[qu];
            }
        }
        return out;
    }

    /** The same for a double matrix (rollout, flow), as float like the attention it came from. */
    public float[][] aggregate(double[][] tokenMatrix) {
        float[][] f = new float[tokenMatrix.length][];
        for (int i = 0; i < f.length; i++) {
            f[i] = new float[tokenMatrix[i].length];
            for (int j = 0; j < f[i].length; j++) {
                f[i][j] = (float) tokenMatrix[i][j];
            }
        }
        return aggregate(f);
    }
}
