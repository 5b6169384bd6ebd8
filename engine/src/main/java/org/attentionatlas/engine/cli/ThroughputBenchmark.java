package org.attentionatlas.engine.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Precision;
import org.attentionatlas.engine.stats.AttentionStatistics;
import org.attentionatlas.engine.tokenize.Encoding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench-engine}: tokens/s of the forward pass (plain, and with the audit's on-device statistics) against the
 * machine's own fp32 matmul rate through DJL, measured in the same run, as a ratio of FLOP rates.
 */
@Command(name = "bench-engine", mixinStandardHelpOptions = true,
        description = "Tokens/s of the forward pass against the machine's own fp32 matmul rate.")
public final class ThroughputBenchmark implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "NAME,...", split = ",", defaultValue = "minilm-l6,bert-base-uncased",
            description = "models to measure")
    private List<String> models;

    @Option(names = "--batch", defaultValue = "16", description = "sequences per forward pass")
    private int batch;

    @Option(names = "--length", defaultValue = "128", description = "tokens per sequence")
    private int length;

    @Option(names = "--seconds", defaultValue = "10", description = "time budget of each measurement")
    private double seconds;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto")
    private String device;

    @Option(names = "--fp16", defaultValue = "false", arity = "0..1", description = "half precision (GPU only)")
    private boolean fp16;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (batch < 1 || length < 3 || !(seconds > 0)) {
            throw new IllegalArgumentException("--batch must be positive, --length at least 3 and --seconds positive");
        }
        run(spec.commandLine().getOut());
        return 0;
    }

    private void run(PrintWriter out) {
        Device device = Devices.select(this.device);
        Precision precision = Precision.choose(fp16, device);
        out.printf("device %s, %s, batch %d x %d tokens, %.0f s per measurement, %d cores%n", device, precision, batch,
                length, seconds, Runtime.getRuntime().availableProcessors());
        for (String name : models) {
            try (LoadedModel model = ModelLoader.withDefaultStore().load(name.trim(), device, precision)) {
                ModelConfig c = model.config();
                double matmul = matmulGflops(device, precision, (long) batch * length, c.hidden(), c.intermediate(), seconds);
                List<Encoding> texts = syntheticBatch(model, batch, length);
                double flops = forwardFlops(c, batch, length);
                double plain = timePerBatch(() -> plainForward(model, texts), seconds);
                double stats;
                try (AttentionStatistics s = new AttentionStatistics(model)) {
                    stats = timePerBatch(() -> s.run(texts), seconds);
                }
                report(out, name, c, batch * length, flops, matmul, "forward", plain);
                report(out, name, c, batch * length, flops, matmul, "forward+stats", stats);
            }
        }
    }

    private static void report(PrintWriter out, String name, ModelConfig c, int tokens, double flops, double matmul,
                               String what, double secondsPerBatch) {
        double gflops = flops / secondsPerBatch / 1e9;
        out.printf("%-18s %-14s %9.0f tokens/s  %6.1f GFLOP/s  matmul %6.1f GFLOP/s  ratio %.2f  (%d layers, hidden %d)%n",
                name, what, tokens / secondsPerBatch, gflops, matmul, gflops / matmul, c.layers(), c.hidden());
    }

    /** FLOPs of one forward pass: the projections, the feed-forward and the two attention matmuls per layer. */
    static double forwardFlops(ModelConfig c, int batch, int length) {
        double tokens = (double) batch * length;
        double d = c.hidden();
        double inner = (double) c.heads() * c.headDim();
        double perLayer = 2 * tokens * (3 * d * inner + inner * d + 2 * d * c.intermediate())
                + 2 * 2 * batch * (double) c.heads() * length * length * c.headDim();
        return perLayer * c.layers();
    }

    /** The median rate of [tokens, d] x [d, ff] matmuls, the feed-forward shape, over the time budget. */
    static double matmulGflops(Device device, Precision precision, long rows, int d, int ff, double seconds) {
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray a = m.randomUniform(-1f, 1f, new Shape(rows, d)).toType(precision.dataType(), false);
            NDArray b = m.randomUniform(-1f, 1f, new Shape(d, ff)).toType(precision.dataType(), false);
            double median = timePerBatch(() -> {
                try (NDArray c = a.matMul(b)) {
                    c.toType(DataType.FLOAT32, false).toFloatArray(); // forces completion on asynchronous devices
                }
            }, seconds);
            return 2.0 * rows * d * ff / median / 1e9;
        }
    }

    private static void plainForward(LoadedModel model, List<Encoding> texts) {
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            List<int[]> ids = new ArrayList<>();
            texts.forEach(e -> ids.add(e.ids()));
            model.transformer().forward(m, PaddedBatch.of(m, ids, model.config().padTokenId()), Hooks.none())
                    .hidden().toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /** Median seconds per call after one warm-up, running for about the given budget. */
    static double timePerBatch(Runnable r, double budgetSeconds) {
        r.run();
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (budgetSeconds * 1e9);
        while (times.size() < 3 || System.nanoTime() < end) {
            long t0 = System.nanoTime();
            r.run();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

    /** Real text repeated to the requested length. */
    static List<Encoding> syntheticBatch(LoadedModel model, int batch, int length) {
        String base = "The doctor asked the nurse to help her with the patient because she was busy. ";
        StringBuilder sb = new StringBuilder();
        Encoding e;
        do {
            sb.append(base);
            e = model.tokenizer().encode(sb.toString());
        } while (e.length() < length);
        Encoding cut = org.attentionatlas.engine.stats.Windows.split(e, length, length - 2).get(0);
        List<Encoding> out = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            out.add(cut);
        }
        return out;
    }
}
