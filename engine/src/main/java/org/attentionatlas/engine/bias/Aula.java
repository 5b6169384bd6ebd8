package org.attentionatlas.engine.bias;

/**
 * All Unmasked Likelihood with Attention weights (Kaneko &amp; Bollegala, 2022): the mean over a sentence's tokens of
 * each token's log-probability in one unmasked pass, weighted by the attention it receives. Special tokens are
 * excluded.
 */
public final class Aula {

    private Aula() {
    }

    public static double score(UnmaskedPass pass, boolean[] special) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < pass.logProbs().length; i++) {
            if (!special[i]) {
                sum += pass.received()[i] * pass.logProbs()[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
