package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.engine.bias.MaskedLmScorer;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.jobs.audit.AuditException;
import org.attentionatlas.jobs.audit.ResultStore;
import org.attentionatlas.jobs.audit.RunIds;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.RunProvenance;
import org.attentionatlas.udfs.AuditSettings;
import org.attentionatlas.udfs.BiasScorer;
import org.attentionatlas.udfs.BiasSentence;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The bias job: reads bias datasets on the driver ({@link BiasInputs}), scores every sentence on the
 * executors with the executor's model ({@link BiasScorer}), writes per-sentence scores, then aggregates the collected
 * scores on the driver ({@link BiasAggregates}) and commits bias_sentences, bias_summary, bias_heads, bias_rejects
 * and bias_runs atomically ({@link BiasStore}).
 *
 * <p>{@code BiasJob --model NAME_OR_DIR --dataset winobias,winogender,probes --input PATH --output DIR [--master URL]
 * [--seed N] [--bootstrap N] [--permutations N] [--stats WINOGENDER_DIR] [--split dev] [--crows-every K]}. Masked-LM
 * metrics (fill-mask gap, CrowS-Pairs) only for a model with an MLM head; otherwise the run says so. Exit code 2 for bad flags,
 * input or model, with nothing written.
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

    public static void main(String[] args) {
        System.exit(JobMain.run("bias", args, BiasConfig::fromArgs, c -> c.optional("master"),
                (spark, config) -> new BiasJob(spark, config, System.out).run().describe()));
    }

    public BiasRunSummary run() {
        Instant started = Instant.now();
        AuditSettings settings = settings();
        LoadedModel model = loadModel(settings);
        ModelProvenance prov = model.provenance();
        boolean maskedLm = hasMaskedLmHead(model);
        BiasInputs inputs = new BiasInputs(config, model, maskedLm).read();
        if (inputs.rows().isEmpty() && inputs.rejects().isEmpty() && inputs.notes().isEmpty()) {
            throw new InputException("the input holds no bias sentences");
        }
        BiasStore store = new BiasStore(spark, new ResultStore(spark, config.get("output")));
        store.recover();
        String runId = RunIds.next(started);
        out.println("bias run " + runId + ": model " + prov.name() + " (" + prov.source() + ", revision "
                + prov.revision() + "), datasets " + config.datasets() + ": " + inputs.rows().size()
                + " sentences to score, " + inputs.rejects().size() + " rejected while reading");
        out.flush();

        List<Row> scored = score(store, runId, inputs.rows(), settings, prov, maskedLm);
        BiasAggregates agg = new BiasAggregates(prov.name(), prov.revision(), config.seed(),
                config.integer("bootstrap"), config.integer("permutations")).compute(scored, inputs.stats());
        List<Reject> rejects = new ArrayList<>(inputs.rejects());
        rejects.addAll(agg.rejects());
        List<String> notes = new ArrayList<>(inputs.notes());
        notes.addAll(agg.notes());
        String mlm = maskedLm ? "MLM head: fill-mask gap and CrowS-Pairs PLL/AULA computed"
                : "no MLM head: masked-LM metrics (fill-mask gap, CrowS-Pairs PLL/AULA) not available";
        notes.add(mlm);

        write(agg.summary(), BiasTables.SUMMARY_SCHEMA, store.staging(runId, BiasTables.SUMMARY));
        write(agg.heads(), BiasTables.HEADS_SCHEMA, store.staging(runId, BiasTables.HEADS));
        write(rejects.stream().map(r -> RowFactory.create(prov.name(), prov.revision(), r.dataset(), r.file(),
                r.line(), r.kind(), r.reason())).toList(), BiasTables.REJECTS_SCHEMA,
                store.staging(runId, BiasTables.REJECTS));
        long ok = scored.stream().filter(r -> r.getAs("error") == null).count();
        Row run = RowFactory.create(RunProvenance.values(started, prov, config.toJson(), inputLabel(),
                String.join(",", config.datasets()), spark.sparkContext().master(), config.seed(),
                config.integer("bootstrap"), config.integer("permutations"), (long) inputs.rows().size(), ok,
                (long) rejects.size(), mlm, String.join("\n", notes)));
        write(List.of(run), BiasTables.RUNS_SCHEMA, store.staging(runId, BiasTables.RUNS));
        store.commit(runId);
        return new BiasRunSummary(runId, store.results().root().toString(), inputs.rows().size(), ok, rejects, notes,
                headlines(agg.summary()));
    }

    /** Scores the sentences on the executors, stages bias_sentences and returns the scored rows (small). */
    private List<Row> score(BiasStore store, String runId, List<Row> rows, AuditSettings settings,
                            ModelProvenance prov, boolean maskedLm) {
        if (rows.isEmpty()) {
            write(List.of(), BiasTables.SENTENCES_SCHEMA, store.staging(runId, BiasTables.SENTENCES));
            return List.of();
        }
        int partitions = config.integer("partitions") > 0 ? config.integer("partitions")
                : (int) Math.max(1, Math.min(rows.size(), Math.max(
                        (rows.size() + settings.chunkDocs() - 1) / settings.chunkDocs(),
                        2L * spark.sparkContext().defaultParallelism())));
        Dataset<Row> scored = spark.createDataFrame(rows, BiasSentence.INPUT).repartition(partitions)
                .mapPartitions(new BiasScorer(settings, maskedLm), Encoders.row(BiasSentence.SCORED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        scored.withColumn("model", lit(prov.name())).withColumn("revision", lit(prov.revision()))
                .select(Arrays.stream(BiasTables.SENTENCES_SCHEMA.fields()).map(StructField::name)
                        .map(n -> col(n)).toArray(org.apache.spark.sql.Column[]::new))
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(store.staging(runId, BiasTables.SENTENCES));
        List<Row> collected = scored.collectAsList();
        scored.unpersist();
        return collected;
    }

    private void write(List<Row> rows, org.apache.spark.sql.types.StructType schema, String path) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    private static List<String> headlines(List<Row> summary) {
        List<String> out = new ArrayList<>();
        for (Row r : summary) {
            if (!"all".equals(r.getString(3)) && !"en".equals(r.getString(3)) && !"zh".equals(r.getString(3))) {
                continue;
            }
            Object lo = r.get(7);
            Object p = r.get(10);
            out.add(String.format(Locale.ROOT, "%s %s %s (%s): %.4f%s n=%d%s", r.getString(2), r.getString(3),
                    r.getString(4), r.getString(5), r.getDouble(6),
                    lo == null ? "" : String.format(Locale.ROOT, " [%.4f, %.4f]", r.getDouble(7), r.getDouble(8)),
                    r.getInt(9), p == null ? "" : String.format(Locale.ROOT, " p=%.4f", r.getDouble(10))));
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

    private AuditSettings settings() {
        return new AuditSettings(config.get("model"), modelsDir(), config.get("device"), false, 0, 0, 1 << 20,
                config.integer("batch-size"), 1, config.integer("chunk-sentences"));
    }

    private LoadedModel loadModel(AuditSettings settings) {
        LoadedModel model = JobMain.loadModel(settings);
        if (!model.hasTokenizer()) {
            throw new AuditException("model '" + settings.model() + "' has no tokenizer; the bias job needs text");
        }
        return model;
    }

    /** The models directory, made absolute on the driver so executors find the same one. */
    private String modelsDir() {
        return JobMain.modelsDir(config.optional("models-dir"));
    }

    private String inputLabel() {
        String in = config.optional("input");
        return in == null ? "classpath:/bias/probes.tsv" : in;
    }
}
