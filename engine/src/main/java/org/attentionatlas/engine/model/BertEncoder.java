package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.attentionatlas.engine.config.Architecture;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.weights.WeightMap;

/** BERT and RoBERTa encoders (post-LayerNorm), with the MLM head when the checkpoint has one. */
final class BertEncoder extends WeightedTransformer {

    private record Layer(NDArray qkvW, NDArray qkvB, NDArray outW, NDArray outB, NDArray ln1G, NDArray ln1B,
                         NDArray ffInW, NDArray ffInB, NDArray ffOutW, NDArray ffOutB, NDArray ln2G, NDArray ln2B,
                         NDArray outGram) {
    }

    private final NDArray wordEmb;
    private final NDArray posEmb;
    private final NDArray typeEmb;
    private final NDArray typeRow;
    private final NDArray embLnG;
    private final NDArray embLnB;
    private final Layer[] layers;
    private final MlmHead head;
    private final float scale;

    BertEncoder(ModelConfig config, WeightMap raw, Device device, Precision precision) {
        super(config, new DeviceWeights(
                raw.stripPrefix(config.architecture() == Architecture.ROBERTA ? "roberta." : "bert."), device, precision));
        long d = config.hidden();
        long v = config.vocab();
        this.wordEmb = weights.get("embeddings.word_embeddings.weight", v, d);
        this.posEmb = weights.get("embeddings.position_embeddings.weight", config.maxPositions(), d);
        this.typeEmb = weights.get("embeddings.token_type_embeddings.weight", config.typeVocab(), d);
        // without token type ids, type 0 for every token: one row, added by broadcast
        this.typeRow = typeEmb.get(0);
        this.embLnG = weights.get("embeddings.LayerNorm.weight", d);
        this.embLnB = weights.get("embeddings.LayerNorm.bias", d);
        this.layers = new Layer[config.layers()];
        long ff = config.intermediate();
        for (int l = 0; l < layers.length; l++) {
            String p = "encoder.layer." + l + ".";
            String a = p + "attention.self.";
            layers[l] = new Layer(
                    weights.concat(new long[] {d, d}, a + "query.weight", a + "key.weight", a + "value.weight"),
                    weights.concat(new long[] {d}, a + "query.bias", a + "key.bias", a + "value.bias"),
                    weights.get(p + "attention.output.dense.weight", d, d),
                    weights.get(p + "attention.output.dense.bias", d),
                    weights.get(p + "attention.output.LayerNorm.weight", d),
                    weights.get(p + "attention.output.LayerNorm.bias", d),
                    weights.get(p + "intermediate.dense.weight", ff, d),
                    weights.get(p + "intermediate.dense.bias", ff),
                    weights.get(p + "output.dense.weight", d, ff),
                    weights.get(p + "output.dense.bias", d),
                    weights.get(p + "output.LayerNorm.weight", d),
                    weights.get(p + "output.LayerNorm.bias", d),
                    weights.outputGram(p + "attention.output.dense.weight", false, d, d, config.heads()));
        }
        this.head = MlmHead.find(weights, wordEmb, config);
        this.scale = (float) (1.0 / Math.sqrt(config.headDim()));
    }

    @Override
    public ForwardOutput forward(NDManager batch, ForwardInput in, Hooks hooks) {
        return forwardEmbedded(batch, in, wordEmbeddings(in.inputIds()), hooks);
    }

    @Override
    public boolean acceptsWordEmbeddings() {
        return true;
    }

    @Override
    public NDArray wordEmbeddings(NDArray ids) {
        return Ops.embed(ids, wordEmb);
    }

    @Override
    public ForwardOutput forwardEmbedded(NDManager batch, ForwardInput in, NDArray words, Hooks hooks) {
        int t = in.length();
        NDArray ids = in.inputIds();
        NDArray types = in.tokenTypeIds() == null ? typeRow : Ops.embed(in.tokenTypeIds(), typeEmb);
        NDArray x = words.add(Ops.embed(positions(batch, ids, in.attentionMask()), posEmb)).add(types);
        x = Ops.layerNorm(x, embLnG, embLnB, config.eps());
        NDArray bias = Ops.maskBias(in.attentionMask(), t, false, weights.precision());
        for (int l = 0; l < layers.length; l++) {
            x = layer(batch, l, x, bias, hooks);
        }
        return new ForwardOutput(x, null);
    }

    private NDArray positions(NDManager batch, NDArray ids, NDArray mask) {
        if (config.architecture() == Architecture.ROBERTA) {
            // HF: cumulative count of non-padding tokens, offset by padding_idx, so positions start at pad + 1
            NDArray real = ids.neq(config.padTokenId()).toType(DataType.INT64, false);
            return real.cumSum(1).mul(real).add(config.padTokenId());
        }
        long t = ids.getShape().get(1);
        return batch.arange(0, (int) t, 1, DataType.INT64).reshape(1, t);
    }

    private NDArray layer(NDManager batch, int l, NDArray x, NDArray bias, Hooks hooks) {
        Layer p = layers[l];
        return inScratch(batch, x, in -> {
            hooks.fire(Stack.MAIN, l, HookKind.RESID_PRE, in);
            NDArray qkv = Ops.splitHeads(Ops.linear(in, p.qkvW, p.qkvB), 3, config.heads(), config.headDim());
            ValueNorm.fire(hooks, Stack.MAIN, l, HookKind.VALUE_NORM, qkv.get(2), p.outGram);
            NDArray z = SelfAttentionBlock.attend(qkv, scale, bias, hooks, Stack.MAIN, l);
            NDArray attn = Ops.linear(Ops.mergeHeads(z), p.outW, p.outB);
            NDArray h = Ops.layerNorm(attn.add(in), p.ln1G, p.ln1B, config.eps());
            NDArray ff = Ops.linear(Ops.activation(Ops.linear(h, p.ffInW, p.ffInB), config), p.ffOutW, p.ffOutB);
            NDArray out = Ops.layerNorm(ff.add(h), p.ln2G, p.ln2B, config.eps());
            hooks.fire(Stack.MAIN, l, HookKind.RESID_POST, out);
            return out;
        });
    }

    @Override
    public boolean hasLmHead() {
        return head != null;
    }

    @Override
    public NDArray lmHead(NDArray hidden) {
        if (head == null) {
            throw new UnsupportedOperationException("this checkpoint has no MLM head (it holds the encoder only)");
        }
        return head.logits(hidden);
    }
}
