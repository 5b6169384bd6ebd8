package org.attentionatlas.engine.contrast;

import java.util.List;

/**
 * Two runs compared head by head on their aligned words (definitions: docs/contrast.md).
 *
 * @param a            side A
 * @param b            side B
 * @param diff         the word alignment and the changed units
 * @param divergence   [layer][head] mean JS (nats) of the aligned query rows
 * @param changedMassA [layer][head] mean attention of A's aligned rows to A's changed units
 * @param changedMassB [layer][head] the same for B
 * @param topHeads     the most different heads, descending
 * @param attentionA   [layer][head][unit][unit] A's word-level matrices
 * @param attentionB   [layer][head][unit][unit] B's
 * @param difference   [layer][head][m][m] A − B on the aligned units, rows renormalised
 * @param rollout      the rollouts compared per layer
 * @param flow         the max-flows compared per layer, or null when skipped
 * @param flowSkipped  why flow was skipped, else null
 */
public record Contrast(ContrastSide a, ContrastSide b, WordDiff diff, double[][] divergence,
                       double[][] changedMassA, double[][] changedMassB, List<TopHead> topHeads,
                       float[][][][] attentionA, float[][][][] attentionB, float[][][][] difference,
                       LayerContrast rollout, LayerContrast flow, String flowSkipped) {

    public int layers() {
        return divergence.length;
    }

    public int heads() {
        return divergence[0].length;
    }

    public double changedDelta(int layer, int head) {
        return changedMassA[layer][head] - changedMassB[layer][head];
    }
}
