package org.attentionatlas.engine.mlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.ForwardOutput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.List;

/** Masked-LM predictions at each mask token of a text. */
public final class FillMask {

    private final LoadedModel model;

    public FillMask(LoadedModel model) {
        if (!model.transformer().hasLmHead()) {
            throw new IllegalArgumentException("model '" + model.provenance().name() + "' has no masked-LM head; "
                    + "fill-mask needs a checkpoint with one (e.g. bert-base-uncased, mbert-cased)");
        }
        this.model = model;
    }

    /**
     * The k most probable tokens at every mask of {@code text}, in text order, from one forward pass: each mask is
     * predicted with the other masks left masked, as the masked-LM objective sees them.
     */
    public List<MaskPredictions> predict(String text, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("--top must be positive, got " + k);
        }
        Encoding e = model.encode(text);
        int maskId = model.tokenizer().specials().mask();
        List<Integer> masks = new ArrayList<>();
        for (int i = 0; i < e.length() && maskId >= 0; i++) {
            if (e.ids()[i] == maskId) {
                masks.add(i);
            }
        }
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("text has no mask token " + model.tokenizer().token(Math.max(maskId, 0))
                    + ": \"" + text + "\"");
        }
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            ForwardOutput out = model.transformer().forward(m,
                    PaddedBatch.of(m, List.of(e.ids()), model.config().padTokenId()), Hooks.none());
            List<MaskPredictions> result = new ArrayList<>();
            for (int position = 0; position < masks.size(); position++) {
                int at = masks.get(position);
                NDArray logits = model.transformer().lmHead(out.hidden().get(new NDIndex("0, {}", at)));
                float[] logp = logits.toType(DataType.FLOAT32, false).logSoftmax(-1).toFloatArray();
                result.add(new MaskPredictions(position, at, top(logp, k)));
            }
            return result;
        }
    }

    private List<Prediction> top(float[] logp, int k) {
        Integer[] idx = new Integer[logp.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(logp[b], logp[a]));
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, idx.length); i++) {
            int id = idx[i];
            out.add(new Prediction(model.tokenizer().token(id), id, Math.exp(logp[id])));
        }
        return out;
    }
}
