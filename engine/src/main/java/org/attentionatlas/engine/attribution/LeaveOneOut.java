package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out attribution: F(x) − F(x with token i replaced by a stand-in, e.g. [MASK]), every attributed token's
 * copy in one batch with the input, no gradients. Kept positions (special tokens, the mask) score 0.
 */
public final class LeaveOneOut {

    private LeaveOneOut() {
    }

    public static float[] drops(Transformer model, NDManager batch, int[] ids, boolean[] keep, int standInId,
                                AttributionTarget target) {
        List<int[]> rows = new ArrayList<>();
        rows.add(ids);
        for (int i = 0; i < ids.length; i++) {
            if (!keep[i]) {
                int[] copy = ids.clone();
                copy[i] = standInId;
                rows.add(copy);
            }
        }
        ForwardInput in = PaddedBatch.of(batch, rows, 0);
        in = ForwardInput.encoder(in.inputIds(), batch.ones(new Shape(rows.size(), ids.length), DataType.FLOAT32));
        float[] f = target.score(model.forward(batch, in, Hooks.none()).hidden(), in.attentionMask()).toFloatArray();
        float[] out = new float[ids.length];
        int row = 1;
        for (int i = 0; i < ids.length; i++) {
            if (!keep[i]) {
                out[i] = f[0] - f[row++];
            }
        }
        return out;
    }
}
