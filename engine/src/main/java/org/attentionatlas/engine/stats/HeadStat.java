package org.attentionatlas.engine.stats;

/**
 * Per-head statistics, each a mean over every query position of every sequence. Special tokens count as queries
 * and keys; a term that falls outside the sequence (e.g. the previous token of the first) counts as 0.
 */
public enum HeadStat {
    /** −Σ_k A ln A, in nats. */
    ENTROPY("entropy_mean"),
    /** Entropy divided by ln of the number of keys the query can see (0 when it sees one key). */
    ENTROPY_NORM("entropy_norm_mean"),
    /** max_k A. */
    MAX_WEIGHT("max_weight_mean"),
    /** Mass on the first token ([CLS] / BOS / first token). */
    CLS_MASS("cls_mass"),
    /** Mass on special tokens after the first ([SEP], &lt;/s&gt;, EOS). */
    SEP_MASS("sep_mass"),
    /** Mass on punctuation tokens. */
    PUNCT_MASS("punct_mass"),
    /** A[q][q]. */
    SELF_MASS("self_mass"),
    /** A[q][q−1]. */
    PREV_MASS("prev_mass"),
    /** A[q][q+1]. */
    NEXT_MASS("next_mass"),
    /** Σ_k A·|q−k|, in tokens. */
    DISTANCE("distance_mean"),
    /** Mass within ±1 token (self included). */
    LOCAL1("local1_mass"),
    LOCAL2("local2_mass"),
    LOCAL4("local4_mass"),
    LOCAL8("local8_mass");

    private final String column;

    HeadStat(String column) {
        this.column = column;
    }

    /** The column name in the head_stats table. */
    public String column() {
        return column;
    }
}
