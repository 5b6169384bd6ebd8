package org.attentionatlas.udfs;

import ai.djl.Device;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.model.Precision;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.load.ModelStore;
import org.attentionatlas.engine.stats.AttentionStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One loaded model per JVM and (model, device, models directory), created by the first task that needs it and reused
 * by every later task of that executor (and by the driver in local mode). The model's weights are shared by
 * concurrent tasks; each task borrows its own {@link AttentionStatistics} (which caches per-length tables).
 */
public final class ModelHolder {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);
    private static final Map<String, ModelHolder> HOLDERS = new HashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private final LoadedModel model;
    private final ConcurrentLinkedQueue<AttentionStatistics> idle = new ConcurrentLinkedQueue<>();

    private ModelHolder(LoadedModel model) {
        this.model = model;
    }

    /** The JVM's model for these settings, loading it on first use. */
    public static ModelHolder get(ModelSettings s) {
        String key = s.model() + "|" + s.device() + "|" + s.fp16() + "|" + s.modelsDir();
        synchronized (HOLDERS) {
            ModelHolder h = HOLDERS.get(key);
            if (h == null) {
                configureThreads(s.torchThreads());
                long t0 = System.nanoTime();
                ModelLoader loader = s.modelsDir() == null ? ModelLoader.withDefaultStore()
                        : new ModelLoader(new ModelStore(Paths.get(s.modelsDir())));
                Device device = Devices.select(s.device());
                h = new ModelHolder(loader.load(s.model(), device, Precision.choose(s.fp16(), device)));
                LOADS.incrementAndGet();
                LOG.info("loaded model {} on {} ({}) in {} ms", s.model(), device, h.model().transformer().precision(),
                        (System.nanoTime() - t0) / 1_000_000);
                HOLDERS.put(key, h);
            }
            return h;
        }
    }

    /** How many models this JVM has loaded (tests check that tasks reuse one). */
    public static int loads() {
        return LOADS.get();
    }

    public LoadedModel model() {
        return model;
    }

    /** Runs {@code work} with a statistics runner that no other thread uses meanwhile. */
    public <T> T withStatistics(Function<AttentionStatistics, T> work) {
        AttentionStatistics stats = idle.poll();
        if (stats == null) {
            stats = new AttentionStatistics(model);
        }
        try {
            return work.apply(stats);
        } finally {
            idle.add(stats);
        }
    }

    /** PyTorch reads its thread counts once, when its engine starts: set them before the first model loads. */
    private static void configureThreads(int threads) {
        if (threads > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
