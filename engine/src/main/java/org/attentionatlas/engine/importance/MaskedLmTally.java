package org.attentionatlas.engine.importance;

import java.io.Serializable;

/** Masked-LM loss and accuracy sums over masked tokens, merged by addition. */
public record MaskedLmTally(double lossSum, long correct, long tokens, long sequences) implements Serializable {

    public static final MaskedLmTally EMPTY = new MaskedLmTally(0, 0, 0, 0);

    public MaskedLmTally plus(MaskedLmTally o) {
        return new MaskedLmTally(lossSum + o.lossSum, correct + o.correct, tokens + o.tokens, sequences + o.sequences);
    }

    /** Mean cross-entropy per masked token (nats). */
    public double loss() {
        return lossSum / tokens;
    }

    /** Share of masked tokens whose most probable id is the original one. */
    public double accuracy() {
        return (double) correct / tokens;
    }
}
