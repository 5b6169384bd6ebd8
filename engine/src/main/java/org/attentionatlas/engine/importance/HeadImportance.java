package org.attentionatlas.engine.importance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.attribution.Gradients;
import org.attentionatlas.engine.hooks.HeadGates;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.model.ForwardOutput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;

import java.util.List;

/**
 * Head importance (Michel et al. 2019): I_h = E_x |∂L_x/∂ξ_h| with ξ a gate on every head's output and L_x the
 * masked-LM loss of sequence x (mean cross-entropy over its masked tokens), by DJL autograd. Each sequence gets its own
 * gates ([B, H] per layer), so one backward pass of Σ_x L_x yields every sequence's own gradient: the absolute value is
 * taken per sequence whatever the batch size (Michel et al.'s code takes it per batch, and runs batches of one).
 * Also the masked-LM loss and accuracy with some heads removed (ξ = 0), for the pruning curve.
 */
public final class HeadImportance {

    private final Transformer model;
    private final int padId;
    private final int layers;
    private final int heads;

    public HeadImportance(Transformer model, int padId) {
        if (!model.hasLmHead() || model.config().architecture().isCausal()
                || model.config().architecture().isEncoderDecoder()) {
            throw new IllegalArgumentException("head importance needs an encoder with a masked-LM head (BERT or "
                    + "RoBERTa with cls.predictions / lm_head weights); this model has none");
        }
        this.model = model;
        this.padId = padId;
        this.layers = model.config().layers();
        this.heads = model.config().heads();
    }

    /** Σ_x |∂L_x/∂ξ| over the batch's sequences, with their counts. */
    public ImportanceSums gradients(List<MaskedSequence> batch) {
        float[][] perSequence = sequenceGradients(batch);
        double[] abs = new double[layers * heads];
        for (float[] g : perSequence) {
            for (int i = 0; i < abs.length; i++) {
                abs[i] += Math.abs(g[i]);
            }
        }
        long masked = batch.stream().mapToLong(MaskedSequence::masked).sum();
        return new ImportanceSums(layers, heads, abs, batch.size(), masked);
    }

    /** ∂L_x/∂ξ for each sequence x of the batch, layer-major, at ξ = 1. */
    float[][] sequenceGradients(List<MaskedSequence> batch) {
        int b = batch.size();
        try (NDManager manager = NDManager.newBaseManager(model.device())) {
            NDList gates = new NDList(layers);
            for (int l = 0; l < layers; l++) {
                gates.add(manager.ones(new Shape(b, heads)));
            }
            Gradients.Backward backward = Gradients.of(gates, leaves -> forward(manager, batch,
                    HeadGates.of(Stack.MAIN, leaves.toArray(new NDArray[0]))).crossEntropy()
                    .mul(MaskedLmLoss.perSequenceMeanWeights(manager, batch)));
            float[][] out = new float[b][layers * heads];
            for (int l = 0; l < layers; l++) {
                float[] g = backward.gradients().get(l).toFloatArray();
                for (int x = 0; x < b; x++) {
                    System.arraycopy(g, x * heads, out[x], l * heads, heads);
                }
            }
            return out;
        }
    }

    /** Loss and accuracy on the masked tokens with the heads where {@code keep[l][h]} is false removed (null: none). */
    public MaskedLmTally evaluate(List<MaskedSequence> batch, boolean[][] keep) {
        float[][] xi = null;
        if (keep != null) {
            xi = new float[keep.length][];
            for (int l = 0; l < keep.length; l++) {
                xi[l] = new float[keep[l].length];
                for (int h = 0; h < keep[l].length; h++) {
                    xi[l][h] = keep[l][h] ? 1f : 0f;
                }
            }
        }
        return evaluate(batch, xi);
    }

    /** Loss and accuracy with gates ξ[l][h] on the head outputs (null: no gates). */
    MaskedLmTally evaluate(List<MaskedSequence> batch, float[][] xi) {
        try (NDManager manager = NDManager.newBaseManager(model.device())) {
            MaskedLmLoss.Tokens tokens = forward(manager, batch, xi == null ? null : gates(manager, xi));
            return new MaskedLmTally(tokens.crossEntropy().sum().getFloat(), tokens.hit().sum().getLong(),
                    tokens.hit().size(), batch.size());
        }
    }

    private MaskedLmLoss.Tokens forward(NDManager manager, List<MaskedSequence> batch, HeadGates gates) {
        Hooks hooks = gates == null ? Hooks.none() : Hooks.create().gate(gates);
        List<int[]> inputs = batch.stream().map(MaskedSequence::input).toList();
        ForwardOutput out = model.forward(manager, PaddedBatch.of(manager, inputs, padId), hooks);
        return MaskedLmLoss.of(model, manager, out.hidden(), batch);
    }

    private HeadGates gates(NDManager manager, float[][] xi) {
        if (xi.length != layers) {
            throw new IllegalArgumentException("head gates for " + xi.length + " layers, the model has " + layers);
        }
        NDArray[] perLayer = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            if (xi[l].length != heads) {
                throw new IllegalArgumentException("layer " + l + " has " + xi[l].length + " head gates, the model "
                        + heads + " heads");
            }
            perLayer[l] = manager.create(xi[l]);
        }
        return HeadGates.of(Stack.MAIN, perLayer);
    }
}
