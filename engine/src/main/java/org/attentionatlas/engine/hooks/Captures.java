package org.attentionatlas.engine.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A listener that keeps activations by hook-point name, moved to the caller's manager (closed with the batch). */
public final class Captures implements HookListener {

    private final NDManager manager;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    public Captures(NDManager manager) {
        this.manager = manager;
    }

    /** Registers a new capture of the given kinds on {@code hooks}. */
    public static Captures of(NDManager manager, Hooks hooks, Set<HookKind> kinds) {
        Captures c = new Captures(manager);
        hooks.on(kinds, c);
        return c;
    }

    @Override
    public void onActivation(HookPoint point, NDArray activation) {
        activation.attach(manager);
        byName.put(point.name(), activation);
    }

    public NDArray get(HookPoint point) {
        return get(point.name());
    }

    public NDArray get(String name) {
        NDArray a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no capture named '" + name + "'; captured: " + byName.keySet());
        }
        return a;
    }

    public Map<String, NDArray> all() {
        return java.util.Collections.unmodifiableMap(byName);
    }
}
