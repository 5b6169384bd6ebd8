package org.attentionatlas.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.datasets.CorpusDocument;
import org.attentionatlas.jobs.audit.AuditConfig;
import org.attentionatlas.jobs.audit.AuditJob;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.audit.RunSummary;
import org.attentionatlas.jobs.common.SparkSessions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Audit throughput on one JVM for local[1] and local[2] on the same corpus: documents/s, tokens/s (processing only:
 * Spark start-up and the model load are excluded, after a warm-up run), their ratio, and Parquet bytes per input
 * token.
 *
 * <p>{@code AuditBenchmark [--model minilm-l6] [--copies 4] [--work DIR] [audit flags…]}: the corpus is the bundled
 * one repeated {@code copies} times (each copy's texts made distinct), unless {@code --input} is given.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> auditArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--copies") || args[i].equals("--work")) && i + 1 < args.length) {
                flags.put(args[i].substring(2), args[++i]);
            } else {
                auditArgs.add(args[i]);
            }
        }
        int copies = Integer.parseInt(flags.getOrDefault("copies", "4"));
        Path work = flags.containsKey("work") ? Files.createDirectories(Paths.get(flags.get("work"))) : Files.createTempDirectory("atlas-bench");
        AuditConfig base = AuditConfig.fromArgs(auditArgs.toArray(new String[0]));
        if (base.optional("input") == null) {
            Path corpus = work.resolve("bench-corpus.jsonl");
            writeCorpus(corpus, copies);
            base = base.with("input", corpus.toString()).with("id-field", "id").with("lang-field", "lang");
        }
        new AuditBenchmark.Runner(base, work, System.out).run();
        System.exit(0);
    }

    /** Runs the warm-up and both modes, printing one line each and the ratio. */
    static final class Runner {
        private final AuditConfig base;
        private final Path work;
        private final PrintStream out;

        Runner(AuditConfig base, Path work, PrintStream out) {
            this.base = base;
            this.work = work;
            this.out = out;
        }

        double[] run() {
            audit("local[1]", "warmup", base.with("input", "").with("dataset", "warmup"), true);
            double[] one = audit("local[1]", "local1", base, false);
            double[] two = audit("local[2]", "local2", base, false);
            double ratio = two[0] / one[0];
            out.println(String.format(Locale.ROOT, "benchmark: local[2]/local[1] documents/s ratio %.2f (tokens/s ratio %.2f; goal >= 1.8)",
                    ratio, two[1] / one[1]));
            return new double[] {one[0], one[1], two[0], two[1], ratio, two[2]};
        }

        /** Returns documents/s, tokens/s, Parquet bytes per input token. */
        private double[] audit(String master, String name, AuditConfig config, boolean warmup) {
            SparkSession spark = SparkSessions.create("attention-atlas benchmark " + name, master);
            try {
                Path output = work.resolve(name);
                AuditConfig c = config.with("output", output.toString()).with("master", master)
                        .with("progress-interval-ms", "5000");
                long cpu0 = processCpuNanos();
                long wall0 = System.nanoTime();
                RunSummary s = new AuditJob(spark, c, warmup ? new PrintStream(PrintStream.nullOutputStream()) : out).run();
                double cores = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
                long bytes = new ResultStore(spark, output.toString()).parquetBytes();
                double docsPerSecond = s.documentsNew() / s.processingSeconds();
                double tokensPerSecond = s.tokens() / s.processingSeconds();
                double bytesPerToken = s.tokens() == 0 ? 0 : (double) bytes / s.tokens();
                if (!warmup) {
                    out.println(String.format(Locale.ROOT, "benchmark %s: %d documents, %d tokens in %.2f s: %.1f documents/s, "
                                    + "%.0f tokens/s; Parquet %d bytes = %.2f bytes per input token; this JVM used %.2f cores "
                                    + "(of %d; other processes share them)", master, s.documentsNew(), s.tokens(),
                            s.processingSeconds(), docsPerSecond, tokensPerSecond, bytes, bytesPerToken, cores,
                            Runtime.getRuntime().availableProcessors()));
                }
                return new double[] {docsPerSecond, tokensPerSecond, bytesPerToken};
            } finally {
                spark.stop();
            }
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The bundled corpus {@code copies} times as JSONL; copy k > 0 appends " (k)" so its content hashes differ. */
    public static void writeCorpus(Path file, int copies) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int k = 0; k < copies; k++) {
                for (CorpusDocument d : BundledCorpus.documents()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("id", k == 0 ? d.id() : d.id() + "-copy" + k);
                    row.put("lang", d.lang());
                    row.put("text", k == 0 ? d.text() : d.text() + " (" + k + ")");
                    w.write(json.writeValueAsString(row));
                    w.write('\n');
                }
            }
        }
    }
}
