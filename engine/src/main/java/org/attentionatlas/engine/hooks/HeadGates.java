package org.attentionatlas.engine.hooks;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;

/**
 * Gates ξ on every head's output z of one stack (Michel et al. 2019; TransformerLens's hook_z masking): layer l's z
 * [B, H, T, Dh] is multiplied by its gate before the output projection. A gate is [H] (every sequence alike) or
 * [B, H] (one per sequence, so one backward pass gives each sequence's own ∂L/∂ξ). ξ = 1 leaves the outputs as they
 * were; ξ_h = 0 removes head h; a gate that requires a gradient receives ∂L/∂ξ.
 */
public final class HeadGates {

    private final Stack stack;
    private final NDArray[] perLayer;

    private HeadGates(Stack stack, NDArray[] perLayer) {
        this.stack = stack;
        this.perLayer = perLayer;
    }

    /** One gate per layer of {@code stack}; a null entry leaves that layer ungated. */
    public static HeadGates of(Stack stack, NDArray... perLayer) {
        return new HeadGates(stack, Arrays.copyOf(perLayer, perLayer.length));
    }

    /** z times layer {@code layer}'s gate, or z itself where no gate is set. */
    NDArray apply(Stack at, int layer, NDArray z) {
        if (at != stack || layer >= perLayer.length || perLayer[layer] == null) {
            return z;
        }
        NDArray gate = perLayer[layer];
        long b = gate.getShape().dimension() == 2 ? gate.getShape().get(0) : 1;
        long h = gate.getShape().get(gate.getShape().dimension() - 1);
        if (h != z.getShape().get(1)) {
            throw new IllegalArgumentException("layer " + layer + " has " + z.getShape().get(1) + " heads but its gate "
                    + gate.getShape());
        }
        return z.mul(gate.reshape(b, h, 1, 1));
    }
}
