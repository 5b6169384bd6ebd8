package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.model.Precision;
import org.attentionatlas.engine.model.Transformer;

/**
 * Gradient attribution of a target F to the input tokens' word embeddings, from one forward and one backward pass
 * over one batch: row 0 the input, row 1 the baseline and, for integrated gradients, one row per interpolation point
 * (midpoint rule: α = (k + ½) / steps).
 */
public final class Attributor {

    /** Most interpolation points of one text (they run as one batch). */
    public static final int MAX_STEPS = 1024;

    private final Transformer model;

    public Attributor(Transformer model) {
        if (!model.acceptsWordEmbeddings()) {
            throw new IllegalArgumentException("gradient attribution runs on BERT and RoBERTa encoders; this model is "
                    + model.config().architecture());
        }
        if (model.precision() != Precision.FP32) {
            throw new IllegalArgumentException("gradient attribution runs in float32, not " + model.precision());
        }
        this.model = model;
    }

    public static void checkSteps(int steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("--steps must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
    }

    /**
     * @param batch    the text's manager: every array of the pass is closed with it
     * @param ids      the token ids, special tokens included
     * @param keep     positions the baseline keeps as they are (special tokens, the mask)
     * @param steps    integrated-gradients interpolation points (ignored by the other methods)
     */
    public TokenAttribution attribute(NDManager batch, int[] ids, boolean[] keep, Baseline baseline,
                                      AttributionTarget target, AttributionMethod method, int steps) {
        checkSteps(steps);
        int t = ids.length;
        long[] longIds = new long[t];
        for (int i = 0; i < t; i++) {
            longIds[i] = ids[i];
        }
        NDArray idRow = batch.create(longIds, new Shape(1, t));
        NDArray input = model.wordEmbeddings(idRow);
        NDArray reference = baseline.words(model, input, keep);
        NDList rows = new NDList(input, reference);
        if (method == AttributionMethod.IG) {
            NDArray alphas = batch.arange(0f, (float) steps).add(0.5f).div((float) steps).reshape(steps, 1, 1);
            rows.add(reference.add(input.sub(reference).mul(alphas)));
        }
        NDArray words = NDArrays.concat(rows, 0);
        int b = (int) words.getShape().get(0);
        ForwardInput in = ForwardInput.encoder(idRow.repeat(0, b), batch.ones(new Shape(b, t), DataType.FLOAT32));
        Gradients.Backward pass = Gradients.of(new NDList(words), leaves -> target.score(
                model.forwardEmbedded(batch, in, leaves.get(0), Hooks.none()).hidden(), in.attentionMask()));
        NDArray gradient = pass.gradients().get(0);
        float[] values = pass.values().toFloatArray();
        NDArray scores = switch (method) {
            case SALIENCY -> gradient.get(0).norm(new int[] {-1});
            case GRAD_INPUT -> gradient.get(0).mul(input.get(0)).sum(new int[] {-1});
            case IG -> gradient.get("2:").mean(new int[] {0}).mul(input.get(0).sub(reference.get(0))).sum(new int[] {-1});
        };
        float[] s = scores.toFloatArray();
        double gap = Double.NaN;
        if (method == AttributionMethod.IG) {
            double total = 0;
            for (float v : s) {
                total += v;
            }
            double delta = (double) values[0] - values[1];
            gap = Math.abs(total - delta) / Math.abs(delta);
        }
        return new TokenAttribution(s, values[0], values[1], gap);
    }
}
