package org.attentionatlas.engine.contrast;

/**
 * Rollout or flow compared layer by layer.
 *
 * @param divergence [layer] mean JS (nats) of the aligned rows
 * @param a          [layer][unit][unit] side A's word-level matrices
 * @param b          [layer][unit][unit] side B's
 * @param difference [layer][m][m] A − B on the aligned units, rows renormalised
 */
public record LayerContrast(double[] divergence, float[][][] a, float[][][] b, float[][][] difference) {
}
