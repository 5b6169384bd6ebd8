package org.attentionatlas.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.datasets.CorpusDocument;
import org.attentionatlas.datasets.CorpusFormat;
import org.attentionatlas.datasets.CorpusSpec;
import org.attentionatlas.jobs.audit.AuditConfig;
import org.attentionatlas.jobs.audit.AuditDefaults;
import org.attentionatlas.jobs.audit.AuditJob;
import org.attentionatlas.jobs.audit.AuditOptions;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Audit throughput on one JVM for local[1] and local[2] on the same corpus: documents/s, tokens/s (processing only:
 * Spark start-up and the model load are excluded, after a warm-up run), their ratio, and Parquet bytes per input
 * token. The corpus is the bundled one repeated {@code --copies} times (each copy's texts made distinct), unless
 * {@code --input} is given; every audit option applies.
 */
@Command(name = "bench-audit", mixinStandardHelpOptions = true, defaultValueProvider = AuditDefaults.class,
        description = "The audit on local[1] vs local[2] over the same corpus: documents/s, tokens/s and their ratio.")
public final class AuditBenchmark implements Callable<Integer> {

    @Option(names = "--copies", paramLabel = "N", defaultValue = "4", description = "copies of the bundled corpus")
    private int copies;

    @Option(names = "--work", paramLabel = "DIR", description = "folder for the corpus and the runs' results (default: a new temporary folder)")
    private Path work;

    @Mixin
    private AuditOptions audit;

    @Override
    public Integer call() throws IOException {
        if (copies < 1) {
            throw new IllegalArgumentException("--copies must be positive, got " + copies);
        }
        AuditConfig base = audit.config();
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("atlas-bench");
        if (base.corpus().bundled()) {
            Path corpus = dir.resolve("bench-corpus.jsonl");
            writeCorpus(corpus, copies);
            CorpusSpec c = base.corpus();
            base = base.withCorpus(new CorpusSpec(corpus.toString(), CorpusFormat.JSONL, c.textField(), "id", "lang",
                    c.language()), base.dataset());
        }
        new Runner(base, dir, System.out).run();
        return 0;
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
            CorpusSpec c = base.corpus();
            audit("local[1]", "warmup", base.withCorpus(new CorpusSpec(null, null, c.textField(), null, null,
                    c.language()), "warmup"), true);
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
                AuditConfig c = config.withOutput(output.toString(), master, 5000);
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
