package org.attentionatlas.web;

import ai.djl.Device;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.load.ModelStore;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models a web user may pick: names configured at start (known short names, or NAME=DIR), each loaded on first
 * use and kept. Loading happens on the inference thread only, so models never load twice at once.
 */
public final class ModelCatalog implements AutoCloseable {

    private final ModelLoader loader;
    private final Map<String, String> sources;
    private final Map<String, LoadedModel> loaded = new HashMap<>();

    public ModelCatalog(ModelLoader loader, Map<String, String> sources) {
        this.loader = loader;
        this.sources = new LinkedHashMap<>(sources);
        ModelStore store = loader.store();
        for (Map.Entry<String, String> e : this.sources.entrySet()) {
            boolean known = store.isKnown(e.getValue());
            if (!known && !Files.isDirectory(Paths.get(e.getValue()))) {
                throw new IllegalArgumentException("model '" + e.getKey() + "' is neither a known name "
                        + store.knownNames() + " nor a folder (use NAME=DIR for a checkpoint folder)");
            }
        }
    }

    public List<String> names() {
        return new ArrayList<>(sources.keySet());
    }

    /** Refuses names that were not configured, with the list of those that were. */
    public String require(String name) {
        if (name == null || !sources.containsKey(name)) {
            String shown = name == null ? "(none)" : "'" + abbreviate(name) + "'";
            throw ApiError.badRequest("unknown model " + shown + "; this server offers " + names());
        }
        return name;
    }

    /** The loaded model; call from the inference thread. */
    public synchronized LoadedModel get(String name) {
        require(name);
        return loaded.computeIfAbsent(name, n -> loader.load(sources.get(n), Device.cpu()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(LoadedModel::close);
        loaded.clear();
    }
}
