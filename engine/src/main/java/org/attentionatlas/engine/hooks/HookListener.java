package org.attentionatlas.engine.hooks;

import ai.djl.ndarray.NDArray;

/**
 * Receives an activation while the forward pass runs. The array belongs to the layer's scratch manager and is closed
 * when the layer ends: reduce it on the device, or {@code attach} it to a longer-lived manager to keep it.
 */
@FunctionalInterface
public interface HookListener {
    void onActivation(HookPoint point, NDArray activation);
}
