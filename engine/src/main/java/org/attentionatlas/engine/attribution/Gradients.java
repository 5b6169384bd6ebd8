package org.attentionatlas.engine.attribution;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;

import java.util.function.Function;

/**
 * Reverse-mode gradients on the PyTorch engine: one backward pass from an objective to chosen leaf arrays (input
 * embeddings, head gates, ...). The model's weights take no gradient; only the leaves do.
 */
public final class Gradients {

    /** DJL lets one GradientCollector collect per JVM at a time (a static flag); callers on other threads wait. */
    private static final Object COLLECTOR = new Object();

    /**
     * @param values    the objective's values, detached from the graph ([B] for per-row objectives)
     * @param gradients each leaf's gradient of the summed objective, in the leaf's manager and order
     */
    public record Backward(NDArray values, NDList gradients) {
    }

    private Gradients() {
    }

    /**
     * Runs {@code objective} on {@code leaves} with gradient recording on and back-propagates the sum of its values.
     * When the objective's rows depend on disjoint rows of the leaves (a batch), each leaf row's gradient is that of
     * its own row's value. Every array the pass creates stays in the caller's managers; close them with the batch.
     */
    public static Backward of(NDList leaves, Function<NDList, NDArray> objective) {
        synchronized (COLLECTOR) {
            for (NDArray leaf : leaves) {
                leaf.setRequiresGradient(true);
            }
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray values = objective.apply(leaves);
                collector.backward(values.sum());
                NDList gradients = new NDList(leaves.size());
                for (NDArray leaf : leaves) {
                    gradients.add(leaf.getGradient());
                }
                return new Backward(values.stopGradient(), gradients);
            }
        }
    }
}
