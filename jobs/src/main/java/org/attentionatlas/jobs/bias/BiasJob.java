package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.engine.bias.MaskedLmScorer;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.engine.progress.Progress;
import org.attentionatlas.jobs.common.CodeVersion;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.SparkProgress;
import org.attentionatlas.jobs.common.SparkTables;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.BiasTables;
import org.attentionatlas.results.ResultsLock;
import org.attentionatlas.results.RunIds;
import org.attentionatlas.results.RunProvenance;
import org.attentionatlas.udfs.BiasSettings;
import org.attentionatlas.udfs.BiasScorer;
import org.attentionatlas.udfs.BiasSentence;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.lit;

/**
 * The bias job: reads bias datasets on the driver ({@link BiasInputs}), scores every sentence on the
 * executors with the executor's model ({@link BiasScorer}), writes per-sentence scores, then aggregates the collected
 * scores on the driver ({@link BiasAggregates}) and commits bias_sentences, bias_summary, bias_heads, bias_rejects
 * and bias_runs atomically ({@link ResultStore}), holding the output folder's writer lock from before loading the
 * model until the commit is done.
 *
 * <p>Started by {@link BiasCommand} ({@code ./submit.sh bias}) with checked {@link BiasConfig} settings. Masked-LM
 * metrics (fill-mask gap, CrowS-Pairs) only for a model with an MLM head; otherwise the run says so. Bad input or
 * model: an exception before anything is written.
 */
public final class BiasJob {

    private final SparkSession spark;
    private final BiasConfig config;
    private final PrintStream out;

    public BiasJob(SparkSession spark, BiasConfig config, PrintStream out) {
        this.spark = spark;
        this.config = config;
        this.out = out;
    }

    public BiasRunSummary run() {
        Instant started = Instant.now();
        BiasSettings settings = config.scoring();
        ResultStore store = new ResultStore(spark, config.output());
        try (ResultsLock lock = store.lock()) {
            return run(started, settings, store);
        }
    }

    private BiasRunSummary run(Instant started, BiasSettings settings, ResultStore store) {
        LoadedModel model = loadModel(settings);
        ModelProvenance prov = model.provenance();
        boolean maskedLm = hasMaskedLmHead(model);
        BiasInputs inputs = new BiasInputs(config, model, maskedLm).read();
        if (inputs.rows().isEmpty() && inputs.rejects().isEmpty() && inputs.notes().isEmpty()) {
            throw new InputException("the input holds no bias sentences");
        }
        store.recover();
        String runId = RunIds.next(started);
        out.println("bias run " + runId + ": model " + prov.name() + " (" + prov.source() + ", revision "
                + prov.revision() + "), datasets " + config.datasets() + ": " + inputs.rows().size()
                + " sentences to score, " + inputs.rejects().size() + " rejected while reading");
        out.flush();

        List<Row> scored = score(store, runId, inputs.rows(), settings, prov, maskedLm);
        BiasAggregates agg = new BiasAggregates(prov.name(), prov.revision(), config.seed(),
                config.bootstrap(), config.permutations()).compute(scored, inputs.stats());
        List<Reject> rejects = new ArrayList<>(inputs.rejects());
        rejects.addAll(agg.rejects());
        List<String> notes = new ArrayList<>(inputs.notes());
        notes.addAll(agg.notes());
        String mlm = maskedLm ? "MLM head: fill-mask gap and CrowS-Pairs PLL/AULA computed"
                : "no MLM head: masked-LM metrics (fill-mask gap, CrowS-Pairs PLL/AULA) not available";
        notes.add(mlm);

        store.write(agg.summary(), runId, BiasTables.SUMMARY);
        store.write(agg.heads(), runId, BiasTables.HEADS);
        store.write(rejects.stream().map(r -> TableRow.of(BiasTables.REJECTS).set("model", prov.name())
                .set("revision", prov.revision()).set("dataset", r.dataset()).set("file", r.file())
                .set("line", r.line()).set("kind", r.kind()).set("reason", r.reason()).row()).toList(),
                runId, BiasTables.REJECTS);
        long ok = scored.stream().filter(r -> r.getAs("error") == null).count();
        RunProvenance provenance = RunProvenance.endingNow(prov, config.toJson(), CodeVersion.current(),
                inputLabel(), started);
        Row run = TableRow.of(BiasTables.RUNS).setAll(provenance.values())
                .set("datasets", String.join(",", config.datasets())).set("master", spark.sparkContext().master())
                .set("seed", config.seed()).set("bootstrap", config.bootstrap())
                .set("permutations", config.permutations()).set("sentences", (long) inputs.rows().size())
                .set("scored", ok).set("rejected", (long) rejects.size()).set("mlm", mlm)
                .set("notes", String.join("\n", notes)).row();
        store.write(List.of(run), runId, BiasTables.RUNS);
        store.commit(runId, BiasTables.ALL);
        return new BiasRunSummary(runId, store.root().toString(), inputs.rows().size(), ok, rejects, notes,
                headlines(agg.summary()));
    }

    /** Scores the sentences on the executors, stages bias_sentences and returns the scored rows (small). */
    private List<Row> score(ResultStore store, String runId, List<Row> rows, BiasSettings settings,
                            ModelProvenance prov, boolean maskedLm) {
        if (rows.isEmpty()) {
            store.write(List.of(), runId, BiasTables.SENTENCES);
            return List.of();
        }
        int partitions = config.partitions() > 0 ? config.partitions()
                : (int) Math.max(1, Math.min(rows.size(), Math.max(
                        (rows.size() + settings.chunkSentences() - 1) / settings.chunkSentences(),
                        2L * spark.sparkContext().defaultParallelism())));
        Progress sentences = Progress.of("bias", "sentences", rows.size(), Pacing.of(config.progressIntervalMs()), out);
        try (SparkProgress progress = SparkProgress.start(spark, sentences)) {
            Dataset<Row> scored = spark.createDataFrame(rows, SparkTables.schema(BiasSentence.INPUT))
                    .repartition(partitions)
                    .mapPartitions(new BiasScorer(settings, maskedLm, progress.items()),
                            Encoders.row(SparkTables.schema(BiasSentence.SCORED)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            List<Row> collected = scored.collectAsList(); // first, in parallel: the write below is one task
            store.write(scored.withColumn("model", lit(prov.name())).withColumn("revision", lit(prov.revision()))
                    .coalesce(1), runId, BiasTables.SENTENCES);
            scored.unpersist();
            return collected;
        }
    }

    private static List<String> headlines(List<Row> summary) {
        List<String> out = new ArrayList<>();
        for (Row r : summary) {
            String grp = r.getAs("grp");
            if (!"all".equals(grp) && !"en".equals(grp) && !"zh".equals(grp)) {
                continue;
            }
            Double lo = r.getAs("ci_low");
            Double p = r.getAs("p_value");
            out.add(String.format(Locale.ROOT, "%s %s %s (%s): %.4f%s n=%d%s", r.<String>getAs("dataset"), grp,
                    r.<String>getAs("metric"), r.<String>getAs("attention"), r.<Double>getAs("estimate"),
                    lo == null ? "" : String.format(Locale.ROOT, " [%.4f, %.4f]", lo, r.<Double>getAs("ci_high")),
                    r.<Integer>getAs("n"), p == null ? "" : String.format(Locale.ROOT, " p=%.4f", p)));
        }
        return out;
    }

    /** Whether the engine's masked-LM scorer accepts the model (an encoder with an MLM head and a mask token). */
    static boolean hasMaskedLmHead(LoadedModel model) {
        try {
            MaskedLmScorer.of(model);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private LoadedModel loadModel(BiasSettings settings) {
        LoadedModel model = JobMain.loadModel(settings.model());
        if (!model.hasTokenizer()) {
            throw new JobException("model '" + settings.model().model() + "' has no tokenizer; the bias job needs text");
        }
        return model;
    }

    private String inputLabel() {
        String in = config.input();
        return in == null ? "classpath:/bias/probes.tsv" : in;
    }
}
