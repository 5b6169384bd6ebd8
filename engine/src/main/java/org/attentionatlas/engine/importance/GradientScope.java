package org.attentionatlas.engine.importance;

import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * DJL's PyTorch engine allows one {@link GradientCollector} per JVM at a time (a second one throws), while Spark runs
 * several tasks in one executor JVM: every gradient computation goes through here, one after the other.
 */
public final class GradientScope {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private GradientScope() {
    }

    /** Runs {@code work} with the JVM's one collector open; {@code manager} decides the engine. */
    public static <T> T collect(NDManager manager, Function<GradientCollector, T> work) {
        LOCK.lock();
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            return work.apply(collector);
        } finally {
            LOCK.unlock();
        }
    }
}
