package org.attentionatlas.engine.importance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.model.Transformer;

import java.util.List;

/**
 * The masked-LM cross-entropy of a batch of {@link MaskedSequence}s from the final hidden states, on the device: the
 * vocabulary logits only at the masked positions, −log P(target) per masked token.
 */
final class MaskedLmLoss {

    /** −log P(target) per masked token [M] (sequence by sequence, positions ascending) and whether argmax hit it [M]. */
    record Tokens(NDArray crossEntropy, NDArray hit) {
    }

    private MaskedLmLoss() {
    }

    static Tokens of(Transformer model, NDManager manager, NDArray hidden, List<MaskedSequence> batch) {
        long t = hidden.getShape().get(1);
        long d = hidden.getShape().get(2);
        int m = batch.stream().mapToInt(MaskedSequence::masked).sum();
        long[] rows = new long[m];
        long[] targets = new long[m];
        int j = 0;
        for (int b = 0; b < batch.size(); b++) {
            MaskedSequence s = batch.get(b);
            for (int i = 0; i < s.masked(); i++) {
                rows[j] = b * t + s.positions()[i];
                targets[j++] = s.targets()[i];
            }
        }
        NDArray picked = hidden.reshape(-1, d).get(new NDIndex("{}", manager.create(rows)));
        NDArray logProbs = model.lmHead(picked).toType(DataType.FLOAT32, false).logSoftmax(-1);
        NDArray target = manager.create(targets, new Shape(m, 1));
        NDArray crossEntropy = logProbs.gather(target, 1).reshape(m).neg();
        NDArray hit = logProbs.argMax(1).eq(target.reshape(m));
        return new Tokens(crossEntropy, hit);
    }

    /** 1/k for each masked token of a sequence with k masked tokens: Σ weight · CE is the sum of per-sequence means. */
    static NDArray perSequenceMeanWeights(NDManager manager, List<MaskedSequence> batch) {
        int m = batch.stream().mapToInt(MaskedSequence::masked).sum();
        float[] w = new float[m];
        int j = 0;
        for (MaskedSequence s : batch) {
            for (int i = 0; i < s.masked(); i++) {
                w[j++] = 1f / s.masked();
            }
        }
        return manager.create(w);
    }
}
