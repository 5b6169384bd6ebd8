package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.stats.AttentionStatistics;
import org.attentionatlas.engine.tokenize.Encoding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench-memory}: runs many forward passes (with the on-device statistics, as the audit does) and prints the
 * process RSS at the start and as it goes, so native memory that is not released with each batch shows as growth.
 * With {@code --align-pairs} it runs the alignment job's aligners ({@link AlignMemoryLoop}) over a pairs file instead.
 */
@Command(name = "bench-memory", mixinStandardHelpOptions = true,
        description = "Process RSS over many forward passes with the audit's on-device statistics, or over the "
                + "alignment job's aligners with --align-pairs.")
public final class MemoryBenchmark implements Callable<Integer> {

    @Mixin
    private ModelOptions options;

    @Option(names = "--passes", defaultValue = "10000", description = "forward passes after the warm-up")
    private int passes;

    @Option(names = "--align-pairs", paramLabel = "FILE", description = "instead: align the pairs of this "
            + "awesome-align file (src ||| tgt) as the align job does, printing RSS every --batch-size pairs")
    private String alignPairs;

    @Option(names = "--batch-size", defaultValue = "16", description = "with --align-pairs: pairs per forward pass")
    private int batchSize;

    @Option(names = "--rounds", defaultValue = "2", description = "with --align-pairs: passes over the file")
    private int rounds;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (passes < 1) {
            throw new IllegalArgumentException("--passes must be positive, got " + passes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (alignPairs != null) {
            AlignMemoryLoop loop = AlignMemoryLoop.read(Paths.get(alignPairs), batchSize, rounds);
            try (LoadedModel model = options.load()) {
                loop.run(model, out);
            }
            return 0;
        }
        try (LoadedModel model = options.load();
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
        return 0;
    }

    static long heapMb() {
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
