package org.attentionatlas.engine.align;

import java.util.Set;

/**
 * Link counts behind the alignment error rate, summed over a corpus (Och &amp; Ney 2003): |A|, |S|, |A∩S|, |A∩P|.
 * AER = 1 − (|A∩S| + |A∩P|) / (|A| + |S|), precision = |A∩P| / |A|, recall = |A∩S| / |S|.
 */
public record AerCounts(long predicted, long sure, long hitSure, long hitPossible) {

    public static final AerCounts ZERO = new AerCounts(0, 0, 0, 0);

    /** The counts of one sentence's predicted links {@code a} against its gold. */
    public static AerCounts of(Set<Link> a, GoldAlignment gold) {
        long s = 0;
        long p = 0;
        for (Link l : a) {
            if (gold.sure().contains(l)) {
                s++;
            }
            if (gold.possible().contains(l)) {
                p++;
            }
        }
        return new AerCounts(a.size(), gold.sure().size(), s, p);
    }

    public AerCounts plus(AerCounts o) {
        return new AerCounts(predicted + o.predicted, sure + o.sure, hitSure + o.hitSure, hitPossible + o.hitPossible);
    }

    /** The alignment error rate as a fraction; NaN when there are neither predicted nor sure links. */
    public double aer() {
        long denominator = predicted + sure;
        return denominator == 0 ? Double.NaN : 1.0 - (double) (hitSure + hitPossible) / denominator;
    }

    /** |A∩P| / |A|; NaN without predicted links. */
    public double precision() {
        return predicted == 0 ? Double.NaN : (double) hitPossible / predicted;
    }

    /** |A∩S| / |S|; NaN without sure links. */
    public double recall() {
        return sure == 0 ? Double.NaN : (double) hitSure / sure;
    }
}
