package org.attentionatlas.web;

import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.attention.RawAttention;

import java.util.List;
import java.util.Set;

/**
 * One sentence pair run through a model: word-level attention of the joined {@code [CLS] src [SEP] tgt [SEP]} pass,
 * [layer][head][unit][unit] with source words first, and the similarity ({@code softmax}) links at every layer
 * (index = layers applied). Head {@link #MEAN} is the layer's head average of the word attention, as the align job's
 * {@code attention-mean} aligner takes it.
 */
public record PairInference(String id, String model, String revision, List<String> source, List<String> target,
        float[][][][] wordAttention, List<Set<Link>> similarity) {

    /** The head index that selects the head average. */
    public static final int MEAN = -1;

    public int layers() {
        return wordAttention.length;
    }

    public int heads() {
        return wordAttention[0].length;
    }

    /** 12-layer models: 8, as awesome-align; otherwise the last layer. */
    public int defaultSimilarityLayer() {
        return layers() == 12 ? 8 : layers();
    }

    /** Row i: source word i's attention to each target word. */
    public float[][] sourceToTarget(int layer, int head) {
        return block(words(layer, head), 0, source.size(), source.size(), target.size());
    }

    /** Row j: target word j's attention to each source word. */
    public float[][] targetToSource(int layer, int head) {
        return block(words(layer, head), source.size(), target.size(), 0, source.size());
    }

    /** One head's word attention, or the mean over the layer's heads. */
    private float[][] words(int layer, int head) {
        return head == MEAN ? RawAttention.headMean(wordAttention[layer]) : wordAttention[layer][head];
    }

    private static float[][] block(float[][] m, int row0, int rows, int col0, int cols) {
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m[row0 + r], col0, out[r], 0, cols);
        }
        return out;
    }
}
