package org.attentionatlas.engine.bias;

/**
 * Occupation association: over occupations, Spearman's rho between (attention from "she" − attention from "he" to
 * the occupation) and the occupation's % female workers, with a permutation p-value. Positive rho: the model's
 * she-vs-he attention follows the labour statistics.
 */
public final class OccupationAssociation {

    private OccupationAssociation() {
    }

    /**
     * @param sheMinusHe per occupation, [occupation][layer][head] (already averaged over that occupation's sentences)
     * @param pctFemale  per occupation
     * @return [layer][head] correlations, each with its own permutation test (seed offset by head so heads differ)
     */
    public static Correlation[][] perHead(double[][][] sheMinusHe, double[] pctFemale, int permutations, long seed) {
        if (sheMinusHe.length != pctFemale.length) {
            throw new IllegalArgumentException(sheMinusHe.length + " occupations but " + pctFemale.length + " % female");
        }
        int layers = sheMinusHe[0].length;
        Correlation[][] out = new Correlation[layers][];
        for (int l = 0; l < layers; l++) {
            int heads = sheMinusHe[0][l].length;
            out[l] = new Correlation[heads];
            for (int h = 0; h < heads; h++) {
                double[] x = new double[sheMinusHe.length];
                for (int o = 0; o < x.length; o++) {
                    x[o] = sheMinusHe[o][l][h];
                }
                out[l][h] = PermutationTest.spearman(x, pctFemale, permutations, seed + 1000L * l + h);
            }
        }
        return out;
    }

    /** The head-averaged correlation: rho over occupations of the mean over all heads of she − he. */
    public static Correlation headAveraged(double[][][] sheMinusHe, double[] pctFemale, int permutations, long seed) {
        double[] x = new double[sheMinusHe.length];
        for (int o = 0; o < x.length; o++) {
            x[o] = HeadSpanAttention.mean(sheMinusHe[o]);
        }
        return PermutationTest.spearman(x, pctFemale, permutations, seed);
    }
}
