package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.attentionatlas.engine.model.Transformer;

/** F = log P(target | context) at one mask position, from the model's masked-LM head. */
public final class MaskedTokenTarget implements AttributionTarget {

    private final Transformer model;
    private final int maskIndex;
    private final int targetId;

    public MaskedTokenTarget(Transformer model, int maskIndex, int targetId) {
        if (!model.hasLmHead()) {
            throw new IllegalArgumentException("the model has no masked-LM head for a target token");
        }
        this.model = model;
        this.maskIndex = maskIndex;
        this.targetId = targetId;
    }

    @Override
    public NDArray score(NDArray hidden, NDArray mask) {
        NDArray logits = model.lmHead(hidden.get(new NDIndex(":, {}", maskIndex)));
        return logits.logSoftmax(-1).get(new NDIndex(":, {}", targetId));
    }

    @Override
    public String scoreName() {
        return "target_log_prob";
    }
}
