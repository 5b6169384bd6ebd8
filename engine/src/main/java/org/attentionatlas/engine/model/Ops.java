package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import org.attentionatlas.engine.config.ModelConfig;

/** The tensor operations the architectures share. Results land in the manager of the first (activation) operand. */
final class Ops {

    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2.0 / Math.PI);

    private Ops() {
    }

    /** {@code x·Wᵀ + b} with W in [out, in] layout. */
    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, double eps) {
        return x.getNDArrayInternal()
                .layerNorm(x, new Shape(x.getShape().get(x.getShape().dimension() - 1)), gamma, beta, (float) eps)
                .singletonOrThrow();
    }

    /** T5's norm: scale by the root mean square, no mean subtraction, no bias. */
    static NDArray rmsNorm(NDArray x, NDArray weight, double eps) {
        // the variance in fp32 even for fp16 activations, as HF does: squares overflow half precision
        NDArray variance = x.toType(DataType.FLOAT32, false).square().mean(new int[] {-1}, true);
        NDArray inverse = variance.add((float) eps).sqrt().pow(-1).toType(x.getDataType(), false);
        return x.mul(inverse).mul(weight);
    }

    static NDArray embed(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    static NDArray activation(NDArray x, ModelConfig config) {
        switch (config.activation()) {
            case GELU_ERF:
                return Activation.gelu(x);
            case GELU_TANH:
                NDArray inner = x.pow(3).mul(0.044715f).add(x).mul(SQRT_2_OVER_PI).tanh();
                return inner.add(1f).mul(x).mul(0.5f);
            case RELU:
                return Activation.relu(x);
            default:
                throw new IllegalStateException("unhandled activation " + config.activation());
        }
    }

    /**
     * Additive attention bias [B, 1, T, S] from a key mask [B, S] (1 keep, 0 pad), optionally causal (query t sees
     * keys ≤ t): 0 where visible, the precision's most negative finite value elsewhere (not -inf, so a fully masked
     * row stays finite), in the precision's type.
     */
    static NDArray maskBias(NDArray keyMask, int queries, boolean causal, Precision precision) {
        long b = keyMask.getShape().get(0);
        long s = keyMask.getShape().get(1);
        NDArray visible = keyMask.toType(DataType.FLOAT32, false).reshape(b, 1, 1, s);
        if (causal) {
            NDArray q = keyMask.getManager().arange(0f, (float) queries).reshape(queries, 1);
            NDArray k = keyMask.getManager().arange(0f, (float) s).reshape(1, s);
            visible = visible.mul(k.lte(q).toType(DataType.FLOAT32, false));
        }
        return visible.sub(1f).mul(-precision.maskValue()).reshape(b, 1, causal ? queries : 1, s)
                .toType(precision.dataType(), false);
    }

    /** Splits [B, T, n·H·Dh] into n tensors of [B, H, T, Dh], stacked on a new leading axis. */
    static NDArray splitHeads(NDArray x, int n, int heads, int headDim) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        return x.reshape(b, t, n, heads, headDim).transpose(2, 0, 3, 1, 4);
    }

    /** [B, H, T, Dh] back to [B, T, H·Dh]. */
    static NDArray mergeHeads(NDArray z) {
        long b = z.getShape().get(0);
        long h = z.getShape().get(1);
        long t = z.getShape().get(2);
        long d = z.getShape().get(3);
        return z.transpose(0, 2, 1, 3).reshape(b, t, h * d);
    }
}
