package org.attentionatlas.jobs.report;

import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.contrast.ContrastPair;
import org.attentionatlas.datasets.contrast.ContrastPairsReader;
import org.attentionatlas.engine.contrast.ContrastRunner;
import org.attentionatlas.engine.contrast.Contrasts;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.jobs.common.SparkSessions;
import org.attentionatlas.reports.AuditReport;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.reports.agreement.AgreementResults;
import org.attentionatlas.reports.importance.ImportanceResults;
import org.attentionatlas.reports.bias.BiasResults;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.LabelledContrast;
import org.attentionatlas.reports.html.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code report}: reads an audit's tables (and the bias job's, when present) with a local Spark session and writes
 * the HTML report. Refuses, before any work, a missing or empty results folder and an {@code --out} that is a file or
 * a folder other than a previous report.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The HTML report of an audit's (and the bias job's) results.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", required = true, description = "results folder of an audit or bias job")
    private String results;

    @Option(names = "--out", paramLabel = "REPORT_DIR", required = true,
            description = "report folder (an empty folder or a previous report is replaced as a whole)")
    private Path out;

    @Option(names = "--compare", paramLabel = "OTHER_RESULTS_DIR", description = "add the model-release diff against these results")
    private String compare;

    @Option(names = "--scale", defaultValue = "1", description = "PNGs drawn at this times the figure size, in (0, 8]")
    private double scale;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3", description = "sampled documents that get token-level figures")
    private int samples;

    @Option(names = "--min-sequences", paramLabel = "N", defaultValue = "50",
            description = "groups with fewer sequences are marked too small to conclude and left out of the findings")
    private long minSequences;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[2])")
    private String master;

    @Option(names = "--contrast", paramLabel = "PAIRS.tsv",
            description = "add a contrast section: one pair a line, text A<TAB>text B[<TAB>label] (docs/contrast.md)")
    private Path contrast;

    @Option(names = "--contrast-model", paramLabel = "NAME_OR_DIR", defaultValue = "minilm-l6",
            description = "the model the contrast pairs run through")
    private String contrastModel;

    @Option(names = "--progress-interval-ms", paramLabel = "MS", defaultValue = "1000",
            description = "figures rendered of total, on stderr, at most this often on a terminal (else every 30 s)")
    private int progressIntervalMs;

    /** The checked rendering options. */
    ReportOptions options() {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("--scale must be in (0, 8], got " + scale);
        }
        if (progressIntervalMs < 0) {
            throw new IllegalArgumentException("--progress-interval-ms must be 0 or more, got " + progressIntervalMs);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be 0 or more, got " + samples);
        }
        if (minSequences < 0) {
            throw new IllegalArgumentException("--min-sequences must be 0 or more, got " + minSequences);
        }
        return ReportOptions.defaults().withScale(scale).withSamples(samples).withMinSequences(minSequences)
                .withProgress(Pacing.of(progressIntervalMs));
    }

    @Override
    public Integer call() throws IOException {
        ReportOptions options = options();
        requireFolder("--results", results);
        requireFolder("--compare", compare);
        try {
            HtmlReport.checkReplaceable(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--out " + e.getMessage(), e);
        }
        if (contrast != null) {
            options = options.withContrasts(contrasts(contrast, contrastModel));
        }
        SparkSession spark = SparkSessions.create("attention-atlas report", master);
        try {
            System.out.println(run(spark, results, compare, out, options));
        } finally {
            spark.stop();
        }
        return 0;
    }

    /**
     * Every pair of the file through the model; a bad pair stops the report, naming its line, before anything is
     * written.
     */
    static List<LabelledContrast> contrasts(Path file, String modelName) {
        List<ContrastPair> pairs = ContrastPairsReader.read(file);
        for (ContrastPair p : pairs) {
            if (p.textA().equals(p.textB())) {
                throw new IllegalArgumentException(file + " line " + p.line() + ": text A and text B are the same; "
                        + "nothing to contrast");
            }
        }
        List<LabelledContrast> out = new ArrayList<>();
        try (LoadedModel model = ModelLoader.withDefaultStore().load(modelName, Devices.select("auto"))) {
            for (ContrastPair p : pairs) {
                try {
                    out.add(new LabelledContrast(p.label(), ContrastRunner.run(model, model, p.textA(), p.textB(),
                            Contrasts.DEFAULT_TOP)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + p.line() + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static void requireFolder(String flag, String dir) {
        if (dir != null && !dir.contains("://") && !Files.isDirectory(Paths.get(dir))) {
            throw new IllegalArgumentException(flag + " " + dir + " is not a results folder: "
                    + (Files.exists(Paths.get(dir)) ? "it is a file" : "it does not exist"));
        }
    }

    /**
     * Reads the result directories and writes the report; returns its index.html. An {@link IllegalArgumentException}
     * when {@code results} holds no committed audit, bias, align, importance or agreement run, with nothing written.
     */
    public static Path run(SparkSession spark, String results, String compare, Path out, ReportOptions options)
            throws IOException {
        long t0 = System.nanoTime();
        ResultReader reader = new ResultReader(spark);
        AuditResults base = reader.read(results, options.maxSamples());
        BiasResults bias = new BiasResultReader(spark).read(results);
        ImportanceResults importance = new ImportanceResultReader(spark).read(results);
        AgreementResults agreement = new AgreementResultReader(spark).read(results);
        if (base.runs().isEmpty() && bias == null && base.alignment().isEmpty() && importance == null
                && agreement == null && options.contrasts().isEmpty()) {
            throw new IllegalArgumentException("--results " + results + " holds no committed audit, bias, align, "
                    + "importance or agreement run; nothing to report");
        }
        AuditResults other = compare == null ? null : reader.read(compare, 0);
        long t1 = System.nanoTime();
        Path index = AuditReport.write(base, bias, importance, agreement, other, out, options);
        System.err.printf("report: read the tables in %.1f s, rendered in %.1f s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
        return index;
    }
}
