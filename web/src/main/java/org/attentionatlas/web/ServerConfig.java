package org.attentionatlas.web;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line settings of {@link AtlasServer}: {@code --port 8080 --host 127.0.0.1 --results DIR
 * --models minilm-l6,bert-base-uncased,mine=/path/to/checkpoint --queue 16}. A model entry is a known short name or
 * {@code NAME=DIR}; web users can only pick among these names, never name a path.
 */
public record ServerConfig(String host, int port, Path results, Map<String, String> models, int queueCapacity) {

    public static final String USAGE = "usage: serve [--port 8080] [--host 127.0.0.1] [--results DIR] "
            + "[--models minilm-l6,bert-base-uncased,NAME=DIR] [--queue 16]";

    public ServerConfig {
        models = Map.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models configured; " + USAGE);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("--queue must be at least 1");
        }
    }

    public static ServerConfig parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8080;
        Path results = Paths.get("results");
        String models = "minilm-l6";
        int queue = 16;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = Integer.parseInt(value);
                case "--results" -> results = Paths.get(value);
                case "--models" -> models = value;
                case "--queue" -> queue = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument '" + flag + "'; " + USAGE);
            }
        }
        return new ServerConfig(host, port, results, parseModels(models), queue);
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
