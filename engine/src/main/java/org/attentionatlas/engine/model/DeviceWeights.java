package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.weights.HostTensor;
import org.attentionatlas.engine.weights.WeightMap;

/** Copies checkpoint tensors to the device with shape checks; owns them until the model is closed. */
final class DeviceWeights implements AutoCloseable {

    private final WeightMap weights;
    private final NDManager manager;
    private final Precision precision;

    DeviceWeights(WeightMap weights, Device device, Precision precision) {
        this.weights = weights;
        this.manager = NDManager.newBaseManager(device);
        this.precision = precision;
    }

    Precision precision() {
        return precision;
    }

    NDManager manager() {
        return manager;
    }

    boolean has(String name) {
        return weights.contains(name);
    }

    /** The named weight, which must have exactly this shape. */
    NDArray get(String name, long... shape) {
        return upload(weights.get(name, shape));
    }

    /** Several weights concatenated along axis 0 (fused Q/K/V projections: one matmul instead of three). */
    NDArray concat(long[] shape, String... names) {
        NDList parts = new NDList();
        for (String n : names) {
            parts.add(get(n, shape));
        }
        NDArray fused = NDArrays.concat(parts, 0); // lands in the weights manager, like its parts
        parts.close();
        return fused;
    }

    /** The named 2-D weight transposed, for layouts stored as [in, out] (GPT-2 Conv1D). */
    NDArray transposed(String name, long... shape) {
        HostTensor t = weights.get(name, shape);
        return upload(t.transpose2d(name));
    }

    /**
     * Per-head Gram matrices W_O^h·W_O^hᵀ of an attention output projection, [H, Dh, Dh] in float32 whatever the
     * precision: ‖v·W_O^h‖² = v·G_h·vᵀ, so value norms need no [B, H, S, D] product.
     *
     * @param storedInOut whether the checkpoint stores the weight as [in, out] (GPT-2 Conv1D) rather than [out, in]
     */
    NDArray outputGram(String name, boolean storedInOut, long in, long out, int heads) {
        HostTensor t = storedInOut ? weights.get(name, in, out) : weights.get(name, out, in).transpose2d(name);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray w = scratch.create(t.data(), new Shape(heads, in / heads, out));
            NDArray gram = w.matMul(w.transpose(0, 2, 1));
            gram.attach(manager);
            return gram;
        }
    }

    private NDArray upload(HostTensor t) {
        NDArray a = manager.create(t.data(), new Shape(t.shape()));
        if (precision == Precision.FP32) {
            return a;
        }
        NDArray cast = a.toType(precision.dataType(), false);
        a.close();
        return cast;
    }

    @Override
    public void close() {
        manager.close();
    }
}
