package org.attentionatlas.jobs.importance;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.CorpusReader;
import org.attentionatlas.datasets.DocumentStatus;
import org.attentionatlas.engine.importance.HeadRanking;
import org.attentionatlas.engine.importance.ImportanceSums;
import org.attentionatlas.engine.importance.MaskedLmTally;
import org.attentionatlas.engine.importance.PruningCurve;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.jobs.common.CodeVersion;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.ImportanceTables;
import org.attentionatlas.results.ResultsLock;
import org.attentionatlas.results.RunIds;
import org.attentionatlas.results.RunProvenance;
import org.attentionatlas.udfs.HeadGradientFunction;
import org.attentionatlas.udfs.ImportanceRows;
import org.attentionatlas.udfs.PrunedMaskedLmFunction;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sha2;

/**
 * Head importance and the pruning curve (Michel et al. 2019) as a Spark job: reads the corpus on the driver, sums
 * Σ_x |∂L_x/∂ξ| per head on the executors ({@link HeadGradientFunction}), ranks the heads on the driver
 * ({@link HeadRanking}), scores the same seeded masks with the least important 0 %, 10 %, …, 90 % of heads removed
 * ({@link PrunedMaskedLmFunction}) and commits head_importance, head_pruning and importance_runs atomically
 * ({@link ResultStore}) under the folder's writer lock. A rerun with the same model, revision, dataset and settings
 * finds the committed run and writes nothing.
 */
public final class ImportanceJob {

    private final SparkSession spark;
    private final ImportanceConfig config;
    private final PrintStream out;

    public ImportanceJob(SparkSession spark, ImportanceConfig config, PrintStream out) {
        this.spark = spark;
        this.config = config;
        this.out = out;
    }

    ImportanceRunSummary run() {
        Instant started = Instant.now();
        CorpusReader reader = new CorpusReader(spark);
        reader.resolveFormat(config.corpus()); // bad input fails before anything is written: input, model, documents
        LoadedModel model = loadModel();
        List<Row> documents = documents(reader);
        ResultStore store = new ResultStore(spark, config.output());
        try (ResultsLock lock = store.lock()) {
            store.recover();
            Optional<String> previous = previousRun(store, model.provenance());
            if (previous.isPresent()) {
                return ImportanceRunSummary.alreadyDone(store.root().toString(), previous.get());
            }
            return run(started, model, documents, store);
        }
    }

    private ImportanceRunSummary run(Instant started, LoadedModel model, List<Row> documents, ResultStore store) {
        ModelProvenance prov = model.provenance();
        String dataset = config.datasetName();
        String runId = RunIds.next(started);
        out.println("importance run " + runId + ": model " + prov.name() + " (revision " + prov.revision() + "), "
                + dataset + ": " + documents.size() + " documents");
        out.flush();
        Dataset<Row> input = spark.createDataFrame(documents, ImportanceRows.INPUT).repartition(partitions(documents));

        long t0 = System.nanoTime();
        ImportanceSums sums = ImportanceSums.empty(model.config().layers(), model.config().heads());
        long skipped = 0;
        long gradientNanos = 0;
        for (Row r : input.mapPartitions(new HeadGradientFunction(config.scoring()), Encoders.row(ImportanceRows.GRADIENTS))
                .collectAsList()) {
            List<Double> abs = r.getList(r.fieldIndex("abs_gradient"));
            sums = sums.plus(new ImportanceSums(sums.layers(), sums.heads(),
                    abs.stream().mapToDouble(Double::doubleValue).toArray(), r.getAs("sequences"), r.getAs("masked_tokens")));
            skipped += r.<Long>getAs("documents_skipped");
            gradientNanos += r.<Long>getAs("nanos");
        }
        if (sums.sequences() == 0) {
            throw new JobException("no text of " + config.corpus().label() + " has a token to mask; nothing to score");
        }
        out.printf("gradients of %d sequences in %.0f s; scoring the pruning curve%n", sums.sequences(),
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        HeadRanking ranking = HeadRanking.of(sums);
        PruningCurve curve = pruningCurve(input, ranking, sums);

        store.write(headRows(ranking, sums, prov, dataset), runId, ImportanceTables.HEADS);
        store.write(pruningRows(curve, sums, prov, dataset), runId, ImportanceTables.PRUNING);
        double rate = gradientNanos == 0 ? 0 : sums.sequences() / (gradientNanos / 1e9);
        RunProvenance provenance = RunProvenance.endingNow(prov, config.toJson(), CodeVersion.current(),
                config.corpus().label(), started);
        Row run = TableRow.of(ImportanceTables.RUNS).setAll(provenance.values()).set("dataset", dataset)
                .set("master", spark.sparkContext().master()).set("seed", config.scoring().seed())
                .set("mask_rate", config.scoring().maskRate()).set("max_length", config.scoring().maxLength())
                .set("documents", (long) documents.size()).set("documents_skipped", skipped)
                .set("sequences", sums.sequences()).set("masked_tokens", sums.maskedTokens())
                .set("gradient_sequences_per_s", rate).row();
        store.write(List.of(run), runId, ImportanceTables.RUNS);
        store.commit(runId, ImportanceTables.ALL);
        double wall = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new ImportanceRunSummary(runId, store.root().toString(), null, documents.size(), sums.sequences(),
                sums.maskedTokens(), sums.layers() * sums.heads(), curve, rate, wall);
    }

    private PruningCurve pruningCurve(Dataset<Row> input, HeadRanking ranking, ImportanceSums sums) {
        double[] fractions = config.fractions().stream().mapToDouble(Double::doubleValue).toArray();
        boolean[][][] keeps = new boolean[fractions.length][][];
        for (int i = 0; i < fractions.length; i++) {
            keeps[i] = ranking.keep(fractions[i]);
        }
        MaskedLmTally[] tallies = new MaskedLmTally[fractions.length];
        Arrays.fill(tallies, MaskedLmTally.EMPTY);
        for (Row r : input.mapPartitions(new PrunedMaskedLmFunction(config.scoring(), keeps),
                Encoders.row(ImportanceRows.PRUNED)).collectAsList()) {
            int i = r.getAs("fraction_index");
            tallies[i] = tallies[i].plus(new MaskedLmTally(r.getAs("loss_sum"), r.getAs("correct"),
                    r.getAs("masked_tokens"), r.getAs("sequences")));
        }
        List<PruningCurve.Point> points = new ArrayList<>();
        for (int i = 0; i < fractions.length; i++) {
            if (tallies[i].tokens() != sums.maskedTokens()) {
                throw new IllegalStateException("the pruning pass scored " + tallies[i].tokens() + " masked tokens, "
                        + "the gradient pass " + sums.maskedTokens() + ": the masks differ");
            }
            points.add(new PruningCurve.Point(fractions[i], ranking.prunedCount(fractions[i]), tallies[i].loss(),
                    tallies[i].accuracy()));
        }
        return new PruningCurve(points);
    }

    private static List<Row> headRows(HeadRanking r, ImportanceSums sums, ModelProvenance prov, String dataset) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < r.raw().length; i++) {
            rows.add(TableRow.of(ImportanceTables.HEADS).set("model", prov.name()).set("revision", prov.revision())
                    .set("dataset", dataset).set("layer", i / r.heads()).set("head", i % r.heads())
                    .set("importance", r.normalised()[i]).set("importance_raw", r.raw()[i]).set("rank", r.rank()[i])
                    .set("sequences", sums.sequences()).set("masked_tokens", sums.maskedTokens()).row());
        }
        return rows;
    }

    private static List<Row> pruningRows(PruningCurve curve, ImportanceSums sums, ModelProvenance prov, String dataset) {
        return curve.points().stream().map(p -> TableRow.of(ImportanceTables.PRUNING).set("model", prov.name())
                .set("revision", prov.revision()).set("dataset", dataset).set("fraction", p.fraction())
                .set("heads_pruned", p.headsPruned()).set("mlm_loss", p.loss()).set("mlm_accuracy", p.accuracy())
                .set("sequences", sums.sequences()).set("masked_tokens", sums.maskedTokens()).row()).toList();
    }

    /** The corpus's usable documents as {@link ImportanceRows#INPUT} rows (key: the id, else the text's SHA-256). */
    private List<Row> documents(CorpusReader reader) {
        Dataset<Row> docs = reader.read(config.corpus()).filter(col(CorpusReader.STATUS).equalTo(DocumentStatus.OK));
        if (!config.languages().isEmpty()) {
            docs = docs.filter(lower(col(CorpusReader.LANGUAGE)).isin(config.languages().toArray()));
        }
        List<Row> rows = docs.select(coalesce(col(CorpusReader.DOC_ID), sha2(col(CorpusReader.TEXT), 256)).as("key"),
                col(CorpusReader.TEXT)).collectAsList().stream()
                .map(r -> RowFactory.create(r.getString(0), r.getString(1))).toList();
        if (rows.isEmpty()) {
            throw new JobException("no usable document in " + config.corpus().label()
                    + (config.languages().isEmpty() ? "" : " in languages " + config.languages()));
        }
        return rows;
    }

    private int partitions(List<Row> documents) {
        if (config.partitions() > 0) {
            return config.partitions();
        }
        return Math.max(1, Math.min(documents.size(), 2 * spark.sparkContext().defaultParallelism()));
    }

    /** A committed run of the same model, revision, dataset and settings, if the folder holds one. */
    private Optional<String> previousRun(ResultStore store, ModelProvenance prov) {
        List<Row> same = store.table(ImportanceTables.RUNS)
                .filter(col("model").equalTo(prov.name()).and(col("revision").equalTo(prov.revision()))
                        .and(col("dataset").equalTo(config.datasetName())).and(col("config").equalTo(config.toJson())))
                .select("run_id").collectAsList();
        return same.isEmpty() ? Optional.empty() : Optional.of(same.get(0).getString(0));
    }

    private LoadedModel loadModel() {
        LoadedModel model = JobMain.loadModel(config.scoring().model());
        String name = config.scoring().model().model();
        if (!model.hasTokenizer()) {
            throw new JobException("model '" + name + "' has no tokenizer; head importance reads text");
        }
        if (model.config().architecture().isCausal() || model.config().architecture().isEncoderDecoder()
                || !model.transformer().hasLmHead()) {
            throw new JobException("model '" + name + "' has no masked-LM head (" + model.config().architecture()
                    + (model.transformer().hasLmHead() ? "" : ", encoder weights only") + "); head importance needs "
                    + "the masked-LM loss: use bert-base-uncased, mbert-cased or a BERT/RoBERTa folder with its MLM head");
        }
        if (model.tokenizer().specials().mask() < 0) {
            throw new JobException("model '" + name + "' has no [MASK] token in its vocabulary");
        }
        return model;
    }
}
