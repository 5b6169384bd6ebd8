package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;

/** The {@link HookKind#VALUE_NORM} hook points: ‖v_j·W_O^h‖ per head and key, on the device, only when listened to. */
final class ValueNorm {

    private ValueNorm() {
    }

    /**
     * @param v    per-head values with their bias, [B, H, S, Dh]
     * @param gram the output projection's per-head Gram matrices, [H, Dh, Dh] float32
     *             ({@link DeviceWeights#outputGram})
     */
    static void fire(Hooks hooks, Stack stack, int layer, HookKind kind, NDArray v, NDArray gram) {
        if (hooks.wants(kind)) {
            hooks.fire(stack, layer, kind, of(v, gram));
        }
    }

    /** [B, H, S] float32. */
    static NDArray of(NDArray v, NDArray gram) {
        NDArray v32 = v.toType(DataType.FLOAT32, false);
        NDArray squared = v32.matMul(gram).mul(v32).sum(new int[] {-1});
        return squared.maximum(0f).sqrt(); // rounding can leave a tiny negative square of a zero vector
    }
}
