package org.attentionatlas.engine.bias;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.ForwardOutput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Log-probabilities from a masked-LM head (BERT/RoBERTa): masked slots, pseudo-log-likelihood, unmasked passes. */
public final class MaskedLmScorer {

    private final Transformer transformer;
    private final int maskId;

    public MaskedLmScorer(Transformer transformer, int maskId) {
        if (!transformer.hasLmHead() || transformer.config().architecture().isCausal()
                || transformer.config().architecture().isEncoderDecoder()) {
            throw new IllegalArgumentException("masked-LM metrics need an encoder with an MLM head (BERT or RoBERTa "
                    + "with cls.predictions / lm_head weights); this model has none");
        }
        if (maskId < 0) {
            throw new IllegalArgumentException("the tokenizer has no mask token");
        }
        this.transformer = transformer;
        this.maskId = maskId;
    }

    public static MaskedLmScorer of(LoadedModel model) {
        return new MaskedLmScorer(model.transformer(), model.tokenizer().specials().mask());
    }

    public int maskId() {
        return maskId;
    }

    /**
     * log P(ids[p] | ids with p masked) for each p in {@code positions}: one forward pass over a batch holding one
     * masked copy of the sentence per position.
     */
    public double[] maskedLogProbs(int[] ids, int[] positions) {
        float[][] rows = maskedRows(ids, positions);
        double[] out = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = rows[i][ids[positions[i]]];
        }
        return out;
    }

    /** Pseudo-log-likelihood: the sum of {@link #maskedLogProbs} over the given positions. */
    public double pseudoLogLikelihood(int[] ids, int[] positions) {
        return positions.length == 0 ? 0 : java.util.Arrays.stream(maskedLogProbs(ids, positions)).sum();
    }

    /** log P(candidate) at one masked slot, for each candidate id (e.g. he and she). */
    public double[] slotLogProbs(int[] ids, int position, int[] candidates) {
        float[] row = maskedRows(ids, new int[] {position})[0];
        double[] out = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            out[i] = row[candidates[i]];
        }
        return out;
    }

    /**
     * One unmasked pass: log P(ids[i] | ids) at every position, and the attention each position receives averaged
     * over layers, heads and queries (the weights of AULA).
     */
    public UnmaskedPass unmasked(int[] ids) {
        try (NDManager m = NDManager.newBaseManager(transformer.device())) {
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
            ForwardOutput out = transformer.forward(m,
                    PaddedBatch.of(m, List.of(ids), transformer.config().padTokenId()), hooks);
            NDArray logp = transformer.lmHead(out.hidden().get(0)).logSoftmax(-1);
            NDArray picked = logp.gather(m.create(ids).toType(ai.djl.ndarray.types.DataType.INT64, false)
                    .reshape(ids.length, 1), 1);
            float[] lp = picked.toFloatArray();
            int layers = transformer.config().layers();
            NDArray received = null;
            for (int l = 0; l < layers; l++) {
                // [1, H, T, T] -> mean over batch, heads and queries -> [T]
                NDArray r = cap.get(new HookPoint(Stack.MAIN, l, HookKind.PATTERN)).reshape(-1, ids.length)
                        .mean(new int[] {0});
                received = received == null ? r : received.add(r);
            }
            float[] w = received.div(layers).toFloatArray();
            double[] logProbs = new double[ids.length];
            double[] weights = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                logProbs[i] = lp[i];
                weights[i] = w[i];
            }
            return new UnmaskedPass(logProbs, weights);
        }
    }

    /** Full log-softmax rows at each masked position, one masked copy per position, all in one batch. */
    private float[][] maskedRows(int[] ids, int[] positions) {
        if (positions.length == 0) {
            return new float[0][];
        }
        List<int[]> copies = new ArrayList<>();
        for (int p : positions) {
            if (p < 0 || p >= ids.length) {
                throw new IllegalArgumentException("position " + p + " is outside a sentence of " + ids.length + " tokens");
            }
            int[] c = ids.clone();
            c[p] = maskId;
            copies.add(c);
        }
        try (NDManager m = NDManager.newBaseManager(transformer.device())) {
            ForwardOutput out = transformer.forward(m, PaddedBatch.of(m, copies, transformer.config().padTokenId()),
                    Hooks.none());
            NDList rows = new NDList();
            for (int i = 0; i < positions.length; i++) {
                rows.add(out.hidden().get(new NDIndex("{}, {}", i, positions[i])));
            }
            NDArray logp = transformer.lmHead(NDArrays.stack(rows)).logSoftmax(-1);
            int vocab = (int) logp.getShape().get(1);
            float[] flat = logp.toFloatArray();
            float[][] result = new float[positions.length][];
            for (int i = 0; i < positions.length; i++) {
                result[i] = java.util.Arrays.copyOfRange(flat, i * vocab, (i + 1) * vocab);
            }
            return result;
        }
    }
}
