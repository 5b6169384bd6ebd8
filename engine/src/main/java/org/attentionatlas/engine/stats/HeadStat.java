package org.attentionatlas.engine.stats;

/**
 * Per-head statistics, each a mean over every query position of every sequence. Special tokens count as queries
 * and keys; a term that falls outside the sequence (e.g. the previous token of the first) counts as 0.
 */
public enum HeadStat {
    /** −Σ_k A ln A, in nats. */
    ENTROPY("entropy_mean", DeviceSlot.ENTROPY),
    /** Entropy divided by ln of the number of keys the query can see (0 when it sees one key). */
    ENTROPY_NORM("entropy_norm_mean", DeviceSlot.ENTROPY_NORM),
    /** max_k A. */
    MAX_WEIGHT("max_weight_mean", DeviceSlot.MAX_WEIGHT),
    /** Mass on the first token ([CLS] / BOS / first token). */
    CLS_MASS("cls_mass", DeviceSlot.CLS),
    /** Mass on special tokens after the first ([SEP], &lt;/s&gt;, EOS). */
    SEP_MASS("sep_mass", DeviceSlot.SEP),
    /** Mass on punctuation tokens. */
    PUNCT_MASS("punct_mass", DeviceSlot.PUNCT),
    /** A[q][q]. */
    SELF_MASS("self_mass", 0, 0),
    /** A[q][q−1]. */
    PREV_MASS("prev_mass", -1, -1),
    /** A[q][q+1]. */
    NEXT_MASS("next_mass", 1, 1),
    /** Σ_k A·|q−k|, in tokens. */
    DISTANCE("distance_mean", DeviceSlot.DISTANCE),
    /** Mass within ±1 token (self included). */
    LOCAL1("local1_mass", -1, 1),
    LOCAL2("local2_mass", -2, 2),
    LOCAL4("local4_mass", -4, 4),
    LOCAL8("local8_mass", -8, 8),
    /**
     * Norm-based masses (Kobayashi et al. 2020): the share of the query's attention output that comes from these
     * keys, N[q][k] = A[q][k]·‖f(x_k)‖ / Σ_j A[q][j]·‖f(x_j)‖ with f(x) = (x·W_V + b_V)·W_O of the head, summed over
     * the first token.
     */
    NORM_CLS_MASS("norm_cls_mass", DeviceSlot.NORM_CLS),
    /** Norm-based mass on special tokens after the first. */
    NORM_SEP_MASS("norm_sep_mass", DeviceSlot.NORM_SEP),
    /** Norm-based mass on punctuation tokens. */
    NORM_PUNCT_MASS("norm_punct_mass", DeviceSlot.NORM_PUNCT),
    /** N[q][q]. */
    NORM_SELF_MASS("norm_self_mass", DeviceSlot.NORM_SELF),
    /** N[q][q−1]. */
    NORM_PREV_MASS("norm_prev_mass", DeviceSlot.NORM_PREV),
    /**
     * Σ over the first token of A[q][k]·‖f(x_k)‖, not normalised: the quantity Kobayashi et al. average (in the
     * units of the residual stream).
     */
    NORM_CLS_RAW("norm_cls_raw", DeviceSlot.NORM_CLS_RAW),
    NORM_SEP_RAW("norm_sep_raw", DeviceSlot.NORM_SEP_RAW),
    NORM_PUNCT_RAW("norm_punct_raw", DeviceSlot.NORM_PUNCT_RAW),
    /** Σ_k A[q][k]·‖f(x_k)‖ over every key. */
    NORM_TOTAL_RAW("norm_total_raw", DeviceSlot.NORM_TOTAL_RAW);

    private final String column;
    /** The device slot summed, or null for a statistic read from the offset buckets. */
    private final DeviceSlot slot;
    private final int fromOffset;
    private final int toOffset;

    HeadStat(String column, DeviceSlot slot) {
        this(column, slot, 0, -1);
    }

    /** A mass over the signed key − query offsets fromOffset..toOffset (exact buckets: |offset| ≤ 8). */
    HeadStat(String column, int fromOffset, int toOffset) {
        this(column, null, fromOffset, toOffset);
    }

    HeadStat(String column, DeviceSlot slot, int fromOffset, int toOffset) {
        this.column = column;
        this.slot = slot;
        this.fromOffset = fromOffset;
        this.toOffset = toOffset;
    }

    /** Σ over query positions of this statistic for one head, from the head's slots in {@link HeadSums}. */
    double sum(double[] sums, int base) {
        if (slot != null) {
            return sums[base + slot.ordinal()];
        }
        double s = 0;
        for (int off = fromOffset; off <= toOffset; off++) {
            s += sums[base + DeviceSlot.values().length + OffsetBuckets.of(off)];
        }
        return s;
    }

    /** The column name in the head_stats table. */
    public String column() {
        return column;
    }
}
