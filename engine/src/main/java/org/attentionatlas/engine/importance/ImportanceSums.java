package org.attentionatlas.engine.importance;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Head-importance sums over some sequences, merged by addition so tasks, partitions and reruns combine exactly:
 * Σ_x |∂L_x/∂ξ_lh| per head (layer-major), the number of sequences and of masked tokens.
 */
public record ImportanceSums(int layers, int heads, double[] absGradient, long sequences, long maskedTokens)
        implements Serializable {

    public ImportanceSums {
        if (absGradient.length != layers * heads) {
            throw new IllegalArgumentException(absGradient.length + " sums for " + layers + " × " + heads + " heads");
        }
    }

    public static ImportanceSums empty(int layers, int heads) {
        return new ImportanceSums(layers, heads, new double[layers * heads], 0, 0);
    }

    public ImportanceSums plus(ImportanceSums o) {
        if (o.layers != layers || o.heads != heads) {
            throw new IllegalArgumentException("cannot add sums of " + o.layers + " × " + o.heads + " heads to "
                    + layers + " × " + heads);
        }
        double[] sum = Arrays.copyOf(absGradient, absGradient.length);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += o.absGradient[i];
        }
        return new ImportanceSums(layers, heads, sum, sequences + o.sequences, maskedTokens + o.maskedTokens);
    }
}
