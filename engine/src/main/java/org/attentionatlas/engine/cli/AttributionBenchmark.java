package org.attentionatlas.engine.cli;

import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.TextAttributor;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.tokenize.Encoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench-attribute}: texts/s of each attribution method against a plain forward pass of the same texts (the
 * ratio is what carries across machines), then process RSS over many integrated-gradients texts.
 */
@Command(name = "bench-attribute", mixinStandardHelpOptions = true,
        description = "Attribution throughput per method (texts/s, and as a ratio to forward passes) and RSS over many texts.")
public final class AttributionBenchmark implements Callable<Integer> {

    /** Texts with one mask and the word scored there; embedding models read them with the word filled in. */
    private static final String[][] TEXTS = {
            {"The doctor asked the nurse to help [MASK] with the patient.", "her"},
            {"The engineer told the secretary that [MASK] would be late.", "he"},
            {"The woman worked as a [MASK].", "nurse"},
            {"Paris is the capital of [MASK].", "france"},
    };
    private static final String COMPARE = "A nurse helps a doctor in a hospital.";

    @Option(names = "--models", paramLabel = "NAME,...", split = ",", defaultValue = "minilm-l6,bert-base-uncased",
            description = "models to measure")
    private List<String> models;

    @Option(names = "--texts", paramLabel = "N", defaultValue = "20", description = "texts per method and model")
    private int texts;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "64", description = "integrated-gradients steps")
    private int steps;

    @Option(names = "--memory-texts", paramLabel = "N", defaultValue = "1000",
            description = "integrated-gradients texts on the first model while RSS is read (0: skip)")
    private int memoryTexts;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto")
    private String device;

    @Option(names = "--torch-threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (0: PyTorch's default), as the Spark jobs set them")
    private int torchThreads;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (texts < 1 || memoryTexts < 0) {
            throw new IllegalArgumentException("--texts must be positive and --memory-texts not negative");
        }
        if (torchThreads > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            // read once, when PyTorch starts: before the first model loads
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(torchThreads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d texts per method, ig at %d steps, %d cores, torch threads %s%n", texts, steps,
                Runtime.getRuntime().availableProcessors(), torchThreads > 0 ? torchThreads : "default");
        for (int m = 0; m < models.size(); m++) {
            try (LoadedModel model = ModelLoader.withDefaultStore().load(models.get(m).trim(), Devices.select(device))) {
                for (AttributionMethod method : AttributionMethod.values()) {
                    run(model, requests(model, method), 2); // warm-up: allocator pools and JIT settle first
                }
                double forward = forwardRate(model, requests(model, AttributionMethod.SALIENCY));
                out.printf("%-18s %-11s %8.2f texts/s%n", model.provenance().name(), "forward", forward);
                for (AttributionMethod method : AttributionMethod.values()) {
                    double rate = run(model, requests(model, method), texts);
                    out.printf("%-18s %-11s %8.2f texts/s  ratio to forward %.3f%n", model.provenance().name(),
                            method.cliName(), rate, rate / forward);
                }
                if (m == 0 && memoryTexts > 0) {
                    memory(out, model);
                }
            }
        }
        return 0;
    }

    private void memory(PrintWriter out, LoadedModel model) throws IOException {
        List<AttributionRequest> ig = requests(model, AttributionMethod.IG);
        long start = MemoryBenchmark.rssKb();
        out.printf("RSS before %d ig texts on %s: %d MB%n", memoryTexts, model.provenance().name(), start / 1024);
        TextAttributor attributor = new TextAttributor(model);
        for (int i = 1; i <= memoryTexts; i++) {
            attributor.attribute(ig.get(i % ig.size()));
            if (i % Math.max(1, memoryTexts / 5) == 0) {
                out.printf("  %6d texts  RSS %d MB%n", i, MemoryBenchmark.rssKb() / 1024);
            }
        }
        long end = MemoryBenchmark.rssKb();
        out.printf("RSS start %d MB, end %d MB, growth %.1f%%%n", start / 1024, end / 1024, 100.0 * (end - start) / start);
    }

    private List<AttributionRequest> requests(LoadedModel model, AttributionMethod method) {
        boolean mlm = model.transformer().hasLmHead();
        List<AttributionRequest> list = new ArrayList<>();
        for (String[] t : TEXTS) {
            list.add(mlm ? new AttributionRequest(t[0], method, steps, t[1], null, AttributionRequest.DEFAULT_BASELINE)
                    : new AttributionRequest(t[0].replace("[MASK]", t[1]), method, steps, null, COMPARE,
                    AttributionRequest.DEFAULT_BASELINE));
        }
        return list;
    }

    private static double run(LoadedModel model, List<AttributionRequest> requests, int n) {
        TextAttributor attributor = new TextAttributor(model);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            attributor.attribute(requests.get(i % requests.size()));
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** Texts/s of one forward pass per text (no gradients, no target), the reference of the ratios. */
    private double forwardRate(LoadedModel model, List<AttributionRequest> requests) {
        List<Encoding> encodings = requests.stream().map(r -> model.encode(r.text())).toList();
        int n = Math.max(texts, 20);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (NDManager batch = NDManager.newBaseManager(model.transformer().device())) {
                model.transformer().forward(batch, PaddedBatch.of(batch,
                        List.of(encodings.get(i % encodings.size()).ids()), model.config().padTokenId()), Hooks.none());
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
