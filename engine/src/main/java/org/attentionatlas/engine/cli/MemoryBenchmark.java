package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.stats.AttentionStatistics;
import org.attentionatlas.engine.tokenize.Encoding;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/**
 * {@code bench-memory}: runs many forward passes (with the on-device statistics, as the audit does) and prints the
 * process RSS at the start and as it goes, so native memory that is not released with each batch shows as growth.
 */
public final class MemoryBenchmark {

    static final Set<String> OPTIONS = Set.of("model", "passes", "device");

    private MemoryBenchmark() {
    }

    public static void run(List<String> argv, PrintStream out) throws IOException {
        CliArgs args = CliArgs.parse("bench-memory", argv, OPTIONS);
        int passes = args.intValue("passes", 10_000);
        try (LoadedModel model = ModelLoader.withDefaultStore().load(args.get("model", "minilm-l6"),
                Devices.select(args.get("device", "auto")));
             AttentionStatistics stats = new AttentionStatistics(model)) {
            List<Encoding> texts = List.of(
                    model.encode("The doctor asked the nurse to help her with the patient."),
                    model.encode("The engineer told the secretary that he would be late."));
            for (int i = 0; i < 500; i++) {
                stats.run(texts); // warm-up: allocator pools and JIT settle before the first reading
            }
            long start = rssKb();
            out.printf("RSS after warm-up: %d MB (Java heap committed %d MB)%n", start / 1024, heapMb());
            long t0 = System.nanoTime();
            for (int i = 1; i <= passes; i++) {
                stats.run(texts);
                if (i % Math.max(1, passes / 5) == 0) {
                    out.printf("  %6d passes  RSS %d MB  (Java heap committed %d MB)%n", i, rssKb() / 1024, heapMb());
                }
            }
            long end = rssKb();
            out.printf("%d forward passes in %.1f s; RSS start %d MB, end %d MB, growth %.1f%%%n", passes,
                    (System.nanoTime() - t0) / 1e9, start / 1024, end / 1024, 100.0 * (end - start) / start);
        }
    }

    private static long heapMb() {
        return Runtime.getRuntime().totalMemory() / (1024 * 1024);
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
