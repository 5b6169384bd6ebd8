package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;

/** Scaled dot-product attention over per-head q/k/v, firing the Q, K, V, PATTERN and Z hook points. */
final class SelfAttentionBlock {

    private SelfAttentionBlock() {
    }

    /**
     * @param qkv   [3, B, H, T, Dh] stacked queries, keys, values (or q from one source, k/v from another: see
     *              {@link #attend(NDArray, NDArray, NDArray, float, NDArray, Hooks, Stack, int, HookKind)})
     * @param scale multiplier of q·k (1/√Dh; T5 uses 1)
     * @param bias  additive bias broadcastable to [B, H, T, S] (mask, T5 position bias)
     * @return z, [B, H, T, Dh]
     */
    static NDArray attend(NDArray qkv, float scale, NDArray bias, Hooks hooks, Stack stack, int layer) {
        return attend(qkv.get(0), qkv.get(1), qkv.get(2), scale, bias, hooks, stack, layer, HookKind.PATTERN);
    }

    static NDArray attend(NDArray q, NDArray k, NDArray v, float scale, NDArray bias, Hooks hooks, Stack stack,
                          int layer, HookKind patternKind) {
        if (patternKind == HookKind.PATTERN) {
            hooks.fire(stack, layer, HookKind.Q, q);
            hooks.fire(stack, layer, HookKind.K, k);
            hooks.fire(stack, layer, HookKind.V, v);
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        if (scale != 1f) {
            scores = scores.mul(scale);
        }
        NDArray masked = scores.add(bias);
        NDArray pattern;
        if (patternKind == HookKind.PATTERN && hooks.wants(HookKind.LOG_PATTERN)) {
            // float32 even for fp16 models: half precision overflows to -inf at masked keys
            NDArray logPattern = masked.toType(DataType.FLOAT32, false).logSoftmax(-1);
            hooks.fire(stack, layer, HookKind.LOG_PATTERN, logPattern);
            pattern = logPattern.exp().toType(masked.getDataType(), false);
        } else {
            pattern = masked.softmax(-1);
        }
        hooks.fire(stack, layer, patternKind, pattern);
        NDArray z = pattern.matMul(v);
        if (patternKind == HookKind.PATTERN) {
            z = hooks.gated(stack, layer, z);
            hooks.fire(stack, layer, HookKind.Z, z);
        }
        return z;
    }
}
