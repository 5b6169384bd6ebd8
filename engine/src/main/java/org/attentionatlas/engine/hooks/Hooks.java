package org.attentionatlas.engine.hooks;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The listeners of one forward pass. A hook point nobody listens to costs nothing. */
public final class Hooks {

    private record Registration(Predicate<HookPoint> filter, HookListener listener) {
    }

    private static final Hooks NONE = new Hooks();

    private final List<Registration> registrations = new ArrayList<>();
    private final Set<HookKind> kinds = EnumSet.noneOf(HookKind.class);
    private HeadGates gates;

    /** No listeners: a plain forward pass. */
    public static Hooks none() {
        return NONE;
    }

    public static Hooks create() {
        return new Hooks();
    }

    /** Listens to every hook point of the given kinds. */
    public Hooks on(Set<HookKind> kinds, HookListener listener) {
        if (this == NONE) {
            throw new IllegalStateException("Hooks.none() is shared; use Hooks.create()");
        }
        this.kinds.addAll(kinds);
        registrations.add(new Registration(p -> kinds.contains(p.kind()), listener));
        return this;
    }

    public Hooks on(HookKind kind, HookListener listener) {
        return on(EnumSet.of(kind), listener);
    }

    /** Multiplies every head's output by {@code gates} before the output projection (hook_z); see {@link HeadGates}. */
    public Hooks gate(HeadGates gates) {
        if (this == NONE) {
            throw new IllegalStateException("Hooks.none() is shared; use Hooks.create()");
        }
        this.gates = gates;
        return this;
    }

    /** Called by the model on each head output z [B, H, T, Dh] of a self-attention: z, gated if gates are set. */
    public NDArray gated(Stack stack, int layer, NDArray z) {
        return gates == null ? z : gates.apply(stack, layer, z);
    }

    /** Whether any listener wants this kind; the model skips work that only a hook would need. */
    public boolean wants(HookKind kind) {
        return kinds.contains(kind);
    }

    /** Called by the model at each hook point. */
    public void fire(Stack stack, int layer, HookKind kind, NDArray activation) {
        if (!kinds.contains(kind)) {
            return;
        }
        HookPoint point = new HookPoint(stack, layer, kind);
        for (Registration r : registrations) {
            if (r.filter().test(point)) {
                r.listener().onActivation(point, activation);
            }
        }
    }
}
