package org.attentionatlas.engine.stats;

/**
 * The per-query quantities {@link AttentionStatistics} reduces on the device, in the order of a head's slots in
 * {@link HeadSums}; the {@link OffsetBuckets} follow them. The one place this order is named.
 */
enum DeviceSlot {
    ENTROPY,
    ENTROPY_NORM,
    MAX_WEIGHT,
    /** Mass on the first token. */
    CLS,
    /** Mass on special tokens after the first. */
    SEP,
    PUNCT,
    /** Σ_k A·|q−k|. */
    DISTANCE,
    /** Norm-based mass (Kobayashi et al. 2020, row-normalised: see {@link HeadStat#NORM_CLS_MASS}) on the first token. */
    NORM_CLS,
    NORM_SEP,
    NORM_PUNCT,
    NORM_SELF,
    NORM_PREV,
    /** Σ over the first token of A[q][k]·‖f(x_k)‖, not normalised (Kobayashi et al.'s own unit). */
    NORM_CLS_RAW,
    NORM_SEP_RAW,
    NORM_PUNCT_RAW,
    /** Σ_k A[q][k]·‖f(x_k)‖: what the norm-based masses are divided by. */
    NORM_TOTAL_RAW;

    /** Slots per head: these quantities, then one per offset bucket. */
    static final int SLOTS = values().length + OffsetBuckets.count();
}
