package org.attentionatlas.web.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.web.AtlasServer;
import org.attentionatlas.web.InferenceCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.attentionatlas.web.ServerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The web server's memory under load: starts it in this JVM on 127.0.0.1 (a free port), then sends it
 * {@code requests} inferences of distinct ~500-token texts, each followed by the page's first read (one layer, every
 * head), and every {@code every} requests prints the process RSS ({@code VmRSS} of /proc/self/status), the Java
 * heap committed and in use, and what the inference cache holds. The cache levels off at its budget; RSS follows
 * the heap the JVM commits, so it levels off under a maximum heap ({@code -Xmx}).
 */
@Command(name = "bench-server", mixinStandardHelpOptions = true,
        description = "The web server's memory: many ~500-token inferences in-process, RSS and cache bytes as it goes.")
public final class ServerMemoryBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", defaultValue = "minilm-l6", description = "model short name")
    private String model;

    @Option(names = "--requests", defaultValue = "120", description = "inferences to send")
    private int requests;

    @Option(names = "--every", defaultValue = "10", description = "print a line every N requests")
    private int every;

    @Option(names = "--cache-mb", defaultValue = "1024", description = "the inference cache's budget, MiB")
    private long cacheMb;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (requests < 1 || every < 1 || cacheMb < 1) {
            throw new IllegalArgumentException("--requests, --every and --cache-mb must be positive");
        }
        run(model, requests, every, cacheMb << 20, System.out);
        return 0;
    }

    public static void run(String model, int requests, int every, long cacheBytes, PrintStream out)
            throws IOException, InterruptedException {
        Path noResults = Files.createTempDirectory("atlas-bench-server").resolve("no-results");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, noResults, Map.of(model, model), 16);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (AtlasServer server = AtlasServer.start(config, cacheBytes)) {
            String base = "http://127.0.0.1:" + server.port();
            InferenceCache cache = server.inferenceCache();
            out.printf(Locale.ROOT, "bench-server: %s, %d requests, cache budget %d MB; started: RSS %d MB%n", model,
                    requests, cacheBytes >> 20, rssKb() >> 10);
            out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            out.println("requests  tokens  RSS MB  heap committed MB  heap used MB  cache MB  cached inferences");
            for (int i = 1; i <= requests; i++) {
                JsonNode run = post(http, base, model, text(i));
                int layer = i % run.get("layers").asInt();
                get(http, base + "/api/attention?run=" + run.get("run").asText() + "&layer=" + layer);
                if (i % every == 0 || i == requests) {
                    Runtime rt = Runtime.getRuntime();
                    out.printf(Locale.ROOT, "%8d  %6d  %6d  %17d  %12d  %8d  %17d%n", i, run.get("tokens").size(),
                            rssKb() >> 10, rt.totalMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20,
                            cache.bytes() >> 20, cache.size());
                }
            }
        }
    }

    /** A distinct text of about 500 MiniLM tokens (≈ 40 sentences of 12 tokens), under the 5,000-character cap. */
    static String text(int request) {
        StringBuilder b = new StringBuilder();
        String[] roles = {"doctor", "nurse", "teacher", "pilot", "farmer", "writer", "lawyer", "baker"};
        for (int s = 0; s < 40; s++) {
            b.append("The ").append(roles[(request + s) % roles.length]).append(" asked the ")
                    .append(roles[(request * 3 + s) % roles.length]).append(" about day ").append(request)
                    .append(" and the plan. ");
        }
        return b.toString().strip();
    }

    private static JsonNode post(HttpClient http, String base, String model, String text)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("model", model, "text", text));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /api/run answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
        }
    }

    /** The resident set size of this process, in kB (Linux). */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmRSS line in /proc/self/status");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status (Linux only)", e);
        }
    }
}
