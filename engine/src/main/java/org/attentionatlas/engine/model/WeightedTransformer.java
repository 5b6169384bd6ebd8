package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.config.ModelConfig;

import java.util.function.UnaryOperator;

/** What every architecture shares: its config, its weights on the device, and per-layer scratch scopes. */
abstract class WeightedTransformer implements Transformer {

    protected final ModelConfig config;
    protected final DeviceWeights weights;

    WeightedTransformer(ModelConfig config, DeviceWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Device device() {
        return weights.manager().getDevice();
    }

    @Override
    public Precision precision() {
        return weights.precision();
    }

    /**
     * Runs one layer in a scratch manager closed when it returns, so a layer's intermediates are freed as the pass
     * goes; the input goes back to the batch and the output is kept there.
     */
    static NDArray inScratch(NDManager batch, NDArray input, UnaryOperator<NDArray> layer) {
        try (NDManager scratch = batch.newSubManager()) {
            input.tempAttach(scratch);
            NDArray out = layer.apply(input);
            out.attach(batch);
            return out;
        }
    }

    @Override
    public void close() {
        weights.close();
    }
}
