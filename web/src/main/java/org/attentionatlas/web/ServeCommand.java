package org.attentionatlas.web;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code serve}: starts {@link AtlasServer} and serves until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "The web page and its JSON API over the engine.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (loopback unless you say otherwise)")
    private String host;

    @Option(names = "--port", defaultValue = "8080", description = "port to listen on, 0 = any free port")
    private int port;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "audit output folder to browse (read only)")
    private Path results;

    @Option(names = "--models", paramLabel = "NAME[=DIR],...", defaultValue = "minilm-l6",
            description = "known short names, or NAME=DIR for a checkpoint folder; web users pick among these names only")
    private String models;

    @Option(names = "--queue", defaultValue = "16", description = "inference requests that may wait; beyond that: 503")
    private int queue;

    @Option(names = "--cache-mb", defaultValue = "1024",
            description = "heap the cache of recent inferences may hold, MiB (least recently used out first)")
    private long cacheMb;

    /** The validated settings. */
    ServerConfig config() {
        return new ServerConfig(host, port, results, ServerConfig.parseModels(models), queue);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (cacheMb < 1) {
            throw new IllegalArgumentException("--cache-mb must be positive, got " + cacheMb);
        }
        AtlasServer server = AtlasServer.start(config(), cacheMb << 20);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "atlas-shutdown"));
        Thread.currentThread().join(); // the server's threads serve; this one waits for the process to stop
        return 0;
    }
}
