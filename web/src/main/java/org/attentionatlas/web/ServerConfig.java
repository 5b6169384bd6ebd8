package org.attentionatlas.web;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@link AtlasServer} (from {@link ServeCommand}). A model entry is a known short name or
 * {@code NAME=DIR}; web users can only pick among these names, never name a path.
 */
public record ServerConfig(String host, int port, Path results, Map<String, String> models, int queueCapacity) {

    public ServerConfig {
        models = Map.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("--models names no model");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("--queue must be at least 1, got " + queueCapacity);
        }
    }

    /** {@code a,b,name=dir} → name → short name or directory, in the given order. */
    static Map<String, String> parseModels(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : List.of(list.split(","))) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String name = eq < 0 ? e : e.substring(0, eq).trim();
            out.put(name, eq < 0 ? e : Paths.get(e.substring(eq + 1).trim()).toAbsolutePath().toString());
        }
        return out;
    }
}
