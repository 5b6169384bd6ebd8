package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.weights.WeightMap;

/** GPT-2: causal, pre-LayerNorm, Conv1D ([in, out]) weights, LM head tied to the token embeddings. */
final class Gpt2Decoder extends WeightedTransformer {

    private record Layer(NDArray ln1G, NDArray ln1B, NDArray qkvW, NDArray qkvB, NDArray projW, NDArray projB,
                         NDArray ln2G, NDArray ln2B, NDArray fcW, NDArray fcB, NDArray fcProjW, NDArray fcProjB,
                         NDArray projGram) {
    }

    private final NDArray wte;
    private final NDArray wpe;
    private final NDArray lnFG;
    private final NDArray lnFB;
    private final Layer[] layers;
    private final float scale;

    Gpt2Decoder(ModelConfig config, WeightMap raw, Device device, Precision precision) {
        super(config, new DeviceWeights(raw.stripPrefix("transformer."), device, precision));
        long d = config.hidden();
        long ff = config.intermediate();
        this.wte = weights.get("wte.weight", config.vocab(), d);
        this.wpe = weights.get("wpe.weight", config.maxPositions(), d);
        this.lnFG = weights.get("ln_f.weight", d);
        this.lnFB = weights.get("ln_f.bias", d);
        this.layers = new Layer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            String p = "h." + l + ".";
            layers[l] = new Layer(
                    weights.get(p + "ln_1.weight", d), weights.get(p + "ln_1.bias", d),
                    weights.transposed(p + "attn.c_attn.weight", d, 3 * d), weights.get(p + "attn.c_attn.bias", 3 * d),
                    weights.transposed(p + "attn.c_proj.weight", d, d), weights.get(p + "attn.c_proj.bias", d),
                    weights.get(p + "ln_2.weight", d), weights.get(p + "ln_2.bias", d),
                    weights.transposed(p + "mlp.c_fc.weight", d, ff), weights.get(p + "mlp.c_fc.bias", ff),
                    weights.transposed(p + "mlp.c_proj.weight", ff, d), weights.get(p + "mlp.c_proj.bias", d),
                    weights.outputGram(p + "attn.c_proj.weight", true, d, d, config.heads()));
        }
        this.scale = (float) (1.0 / Math.sqrt(config.headDim()));
    }

    @Override
    public ForwardOutput forward(NDManager batch, ForwardInput in, Hooks hooks) {
        int t = in.length();
        NDArray pos = batch.arange(0, t, 1, DataType.INT64).reshape(1, t);
        NDArray x = Ops.embed(in.inputIds(), wte).add(Ops.embed(pos, wpe));
        NDArray bias = Ops.maskBias(in.attentionMask(), t, true, weights.precision());
        for (int l = 0; l < layers.length; l++) {
            x = layer(batch, l, x, bias, hooks);
        }
        return new ForwardOutput(Ops.layerNorm(x, lnFG, lnFB, config.eps()), null);
    }

    private NDArray layer(NDManager batch, int l, NDArray x, NDArray bias, Hooks hooks) {
        Layer p = layers[l];
        return inScratch(batch, x, in -> {
            hooks.fire(Stack.MAIN, l, HookKind.RESID_PRE, in);
            NDArray a = Ops.layerNorm(in, p.ln1G, p.ln1B, config.eps());
            NDArray qkv = Ops.splitHeads(Ops.linear(a, p.qkvW, p.qkvB), 3, config.heads(), config.headDim());
            ValueNorm.fire(hooks, Stack.MAIN, l, HookKind.VALUE_NORM, qkv.get(2), p.projGram);
            NDArray z = SelfAttentionBlock.attend(qkv, scale, bias, hooks, Stack.MAIN, l);
            NDArray h = in.add(Ops.linear(Ops.mergeHeads(z), p.projW, p.projB));
            NDArray m = Ops.layerNorm(h, p.ln2G, p.ln2B, config.eps());
            NDArray out = h.add(Ops.linear(Ops.activation(Ops.linear(m, p.fcW, p.fcB), config), p.fcProjW, p.fcProjB));
            hooks.fire(Stack.MAIN, l, HookKind.RESID_POST, out);
            return out;
        });
    }

    @Override
    public boolean hasLmHead() {
        return true;
    }

    @Override
    public NDArray lmHead(NDArray hidden) {
        return hidden.matMul(wte.transpose());
    }
}
