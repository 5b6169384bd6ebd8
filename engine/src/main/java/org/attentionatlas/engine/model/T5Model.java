package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.weights.WeightMap;

/**
 * T5 encoder-decoder: RMS norm, unscaled attention with relative position buckets (from block 0 of each stack),
 * decoder cross-attention, ReLU feed-forward, LM head (tied to the shared embeddings unless the checkpoint has its own).
 */
final class T5Model extends WeightedTransformer {

    /** Projections are stored transposed ([in, out]) because T5 has no biases: x·Wᵀ is one matmul. */
    private record Attention(NDArray normW, NDArray qkvT, NDArray oT, NDArray oGram) {
    }

    private record FeedForward(NDArray normW, NDArray wiT, NDArray woT) {
    }

    private record DecoderLayer(Attention self, NDArray crossNormW, NDArray crossQT, NDArray crossKvT, NDArray crossOT,
                                FeedForward ff, NDArray crossOGram) {
    }

    private final NDArray shared;
    private final NDArray lmHeadT;
    private final Attention[] encAttn;
    private final FeedForward[] encFf;
    private final DecoderLayer[] dec;
    private final NDArray encRelBias;
    private final NDArray decRelBias;
    private final NDArray encFinal;
    private final NDArray decFinal;

    T5Model(ModelConfig config, WeightMap w, Device device, Precision precision) {
        super(config, new DeviceWeights(w, device, precision));
        long d = config.hidden();
        long inner = (long) config.heads() * config.headDim();
        long ff = config.intermediate();
        this.shared = weights.get("shared.weight", config.vocab(), d);
        this.lmHeadT = weights.has("lm_head.weight") && !config.scaleDecoderOutputs()
                ? weights.get("lm_head.weight", config.vocab(), d).transpose() : shared.transpose();
        this.encAttn = new Attention[config.layers()];
        this.encFf = new FeedForward[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            String p = "encoder.block." + l + ".layer.";
            encAttn[l] = attention(p + "0.", "SelfAttention.", d, inner);
            encFf[l] = feedForward(p + "1.", d, ff);
        }
        this.dec = new DecoderLayer[config.decoderLayers()];
        for (int l = 0; l < dec.length; l++) {
            String p = "decoder.block." + l + ".layer.";
            String x = p + "1.EncDecAttention.";
            dec[l] = new DecoderLayer(attention(p + "0.", "SelfAttention.", d, inner),
                    weights.get(p + "1.layer_norm.weight", d),
                    weights.get(x + "q.weight", inner, d).transpose(),
                    weights.concat(new long[] {inner, d}, x + "k.weight", x + "v.weight").transpose(),
                    weights.get(x + "o.weight", d, inner).transpose(),
                    feedForward(p + "2.", d, ff),
                    weights.outputGram(x + "o.weight", false, inner, d, config.heads()));
        }
        long buckets = config.relativeBuckets();
        this.encRelBias = weights.get("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", buckets, config.heads());
        this.decRelBias = weights.get("decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", buckets, config.heads());
        this.encFinal = weights.get("encoder.final_layer_norm.weight", d);
        this.decFinal = weights.get("decoder.final_layer_norm.weight", d);
    }

    private Attention attention(String prefix, String module, long d, long inner) {
        String a = prefix + module;
        return new Attention(weights.get(prefix + "layer_norm.weight", d),
                weights.concat(new long[] {inner, d}, a + "q.weight", a + "k.weight", a + "v.weight").transpose(),
                weights.get(a + "o.weight", d, inner).transpose(),
                weights.outputGram(a + "o.weight", false, inner, d, config.heads()));
    }

    private FeedForward feedForward(String prefix, long d, long ff) {
        return new FeedForward(weights.get(prefix + "layer_norm.weight", d),
                weights.get(prefix + "DenseReluDense.wi.weight", ff, d).transpose(),
                weights.get(prefix + "DenseReluDense.wo.weight", d, ff).transpose());
    }

    @Override
    public ForwardOutput forward(NDManager batch, ForwardInput in, Hooks hooks) {
        if (in.decoderInputIds() == null) {
            throw new IllegalArgumentException("T5 needs decoder input ids (start with decoder_start_token_id "
                    + config.decoderStartTokenId() + ")");
        }
        int s = in.length();
        NDArray encBias = positionBias(batch, encRelBias, s, s, true).add(Ops.maskBias(in.attentionMask(), s, false, weights.precision()));
        NDArray x = Ops.embed(in.inputIds(), shared);
        for (int l = 0; l < encAttn.length; l++) {
            x = encoderLayer(batch, l, x, encBias, hooks);
        }
        NDArray encoded = Ops.rmsNorm(x, encFinal, config.eps());

        int u = (int) in.decoderInputIds().getShape().get(1);
        NDArray selfBias = positionBias(batch, decRelBias, u, u, false).add(Ops.maskBias(in.decoderMask(), u, true, weights.precision()));
        NDArray crossBias = Ops.maskBias(in.attentionMask(), u, false, weights.precision());
        NDArray y = Ops.embed(in.decoderInputIds(), shared);
        for (int l = 0; l < dec.length; l++) {
            y = decoderLayer(batch, l, y, encoded, selfBias, crossBias, hooks);
        }
        y = Ops.rmsNorm(y, decFinal, config.eps());
        if (config.scaleDecoderOutputs()) {
            y = y.mul((float) Math.pow(config.hidden(), -0.5));
        }
        return new ForwardOutput(encoded, y);
    }

    /** [1, H, T, S] bias from the bucket table [buckets, H]. */
    private NDArray positionBias(NDManager batch, NDArray table, int queries, int keys, boolean bidirectional) {
        long[] b = T5RelativePosition.buckets(queries, keys, bidirectional, config.relativeBuckets(), config.relativeMaxDistance());
        NDArray ids = batch.create(b, new Shape(queries, keys));
        return Ops.embed(ids, table).transpose(2, 0, 1).expandDims(0);
    }

    private NDArray selfAttention(Attention a, NDArray x, NDArray bias, Hooks hooks, Stack stack, int l) {
        NDArray h = Ops.rmsNorm(x, a.normW, config.eps());
        NDArray qkv = Ops.splitHeads(h.matMul(a.qkvT), 3, config.heads(), config.headDim());
        ValueNorm.fire(hooks, stack, l, HookKind.VALUE_NORM, qkv.get(2), a.oGram);
        NDArray z = SelfAttentionBlock.attend(qkv, 1f, bias, hooks, stack, l);
        return x.add(Ops.mergeHeads(z).matMul(a.oT));
    }

    private NDArray feedForward(FeedForward f, NDArray x) {
        NDArray h = Ops.rmsNorm(x, f.normW, config.eps());
        return x.add(Ops.activation(h.matMul(f.wiT), config).matMul(f.woT));
    }

    private NDArray encoderLayer(NDManager batch, int l, NDArray x, NDArray bias, Hooks hooks) {
        return inScratch(batch, x, in -> {
            hooks.fire(Stack.ENCODER, l, HookKind.RESID_PRE, in);
            NDArray out = feedForward(encFf[l], selfAttention(encAttn[l], in, bias, hooks, Stack.ENCODER, l));
            hooks.fire(Stack.ENCODER, l, HookKind.RESID_POST, out);
            return out;
        });
    }

    private NDArray decoderLayer(NDManager batch, int l, NDArray y, NDArray encoded, NDArray selfBias, NDArray crossBias,
                                 Hooks hooks) {
        DecoderLayer p = dec[l];
        return inScratch(batch, y, in -> {
            encoded.tempAttach(in.getManager()); // so the cross-attention keys and values land in the scratch too
            hooks.fire(Stack.DECODER, l, HookKind.RESID_PRE, in);
            NDArray h = selfAttention(p.self, in, selfBias, hooks, Stack.DECODER, l);
            NDArray q = Ops.splitHeads(Ops.rmsNorm(h, p.crossNormW, config.eps()).matMul(p.crossQT), 1,
                    config.heads(), config.headDim()).get(0);
            NDArray kv = Ops.splitHeads(encoded.matMul(p.crossKvT), 2, config.heads(), config.headDim());
            ValueNorm.fire(hooks, Stack.DECODER, l, HookKind.CROSS_VALUE_NORM, kv.get(1), p.crossOGram);
            NDArray z = SelfAttentionBlock.attend(q, kv.get(0), kv.get(1), 1f, crossBias, hooks, Stack.DECODER, l,
                    HookKind.CROSS_PATTERN);
            NDArray out = feedForward(p.ff, h.add(Ops.mergeHeads(z).matMul(p.crossOT)));
            hooks.fire(Stack.DECODER, l, HookKind.RESID_POST, out);
            return out;
        });
    }

    @Override
    public boolean hasLmHead() {
        return true;
    }

    @Override
    public NDArray lmHead(NDArray hidden) {
        return hidden.matMul(lmHeadT);
    }
}
