package org.attentionatlas.jobs.agreement;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.bias.WinoBiasData;
import org.attentionatlas.datasets.bias.WinoBiasReader;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.jobs.common.CodeVersion;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.AgreementTables;
import org.attentionatlas.results.ResultsLock;
import org.attentionatlas.results.RunIds;
import org.attentionatlas.results.RunProvenance;
import org.attentionatlas.udfs.AgreementFunction;
import org.attentionatlas.udfs.AgreementRows;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agreement job: builds the texts on the driver ({@link AgreementTexts}), scores every text on the executors
 * ({@link AgreementFunction}: attributions and attention scores, τ and top-k overlap per method pair) and commits
 * agreement and agreement_runs atomically ({@link ResultStore}) under the output folder's writer lock.
 */
final class AgreementJob {

    static final String DATASET = "winobias";

    private final SparkSession spark;
    private final AgreementConfig config;
    private final PrintStream out;

    AgreementJob(SparkSession spark, AgreementConfig config, PrintStream out) {
        this.spark = spark;
        this.config = config;
        this.out = out;
    }

    String run() {
        Instant started = Instant.now();
        WinoBiasData data = WinoBiasReader.read(Paths.get(config.input()), config.split());
        ResultStore store = new ResultStore(spark, config.output());
        try (ResultsLock lock = store.lock()) {
            LoadedModel model = JobMain.loadModel(config.scoring().model());
            if (!model.hasTokenizer() || !model.transformer().acceptsWordEmbeddings()) {
                throw new JobException("model '" + model.provenance().name() + "' is not a BERT/RoBERTa encoder with a "
                        + "tokenizer; the agreement job attributes to word embeddings");
            }
            boolean mlm = model.transformer().hasLmHead();
            String mask = mlm ? model.tokenizer().token(model.tokenizer().specials().mask()) : null;
            AgreementTexts texts = new AgreementTexts(data.pairs(), config.limit(), mask);
            store.recover();
            String runId = RunIds.next(started);
            ModelProvenance prov = model.provenance();
            out.println("agreement run " + runId + ": model " + prov.name() + " (revision " + prov.revision() + "), "
                    + texts.rows().size() + " WinoBias sentences, target: "
                    + (mlm ? "the masked pronoun" : "cosine with the other condition's sentence"));
            out.flush();
            List<Row> scored = score(texts.rows());
            List<Row> rows = new ArrayList<>();
            long failed = 0;
            long nanos = 0;
            for (Row r : scored) {
                nanos += r.<Long>getAs("nanos");
                if (r.getAs("error") != null) {
                    failed++;
                    continue;
                }
                String id = r.getAs("text_id");
                rows.add(TableRow.of(AgreementTables.AGREEMENT).set("model", prov.name()).set("revision", prov.revision())
                        .set("dataset", DATASET).set("text_id", id).set("text", texts.text(id))
                        .set("target", texts.target(id)).set("attention_method", r.getAs("attention_method"))
                        .set("attribution_method", r.getAs("attribution_method")).set("tau", r.getAs("tau"))
                        .set("p_value", r.getAs("p_value")).set("top_k_overlap", r.getAs("top_k_overlap"))
                        .set("k", config.scoring().topK()).set("tokens", r.getAs("tokens")).row());
            }
            long texts1 = texts.rows().size();
            double rate = nanos == 0 ? 0 : (texts1 - failed) / (nanos / 1e9);
            store.write(rows, runId, AgreementTables.AGREEMENT);
            RunProvenance provenance = RunProvenance.endingNow(prov, config.toJson(), CodeVersion.current(),
                    config.input(), started);
            store.write(List.of(TableRow.of(AgreementTables.RUNS).setAll(provenance.values()).set("dataset", DATASET)
                    .set("master", spark.sparkContext().master()).set("texts", texts1).set("scored", texts1 - failed)
                    .set("failed", failed).set("texts_per_s", rate).row()), runId, AgreementTables.RUNS);
            store.commit(runId, AgreementTables.ALL);
            return summary(runId, texts1, failed, rate, Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    rows);
        }
    }

    private List<Row> score(List<Row> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        int chunk = config.scoring().chunkTexts();
        int partitions = config.partitions() > 0 ? config.partitions()
                : (int) Math.max(1, Math.min(inputs.size(), Math.max((inputs.size() + chunk - 1) / chunk,
                        2L * spark.sparkContext().defaultParallelism())));
        return spark.createDataFrame(inputs, AgreementRows.INPUT).repartition(partitions)
                .mapPartitions(new AgreementFunction(config.scoring()), Encoders.row(AgreementRows.SCORED))
                .collectAsList();
    }

    private String summary(String runId, long texts, long failed, double rate, double wall, List<Row> rows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "agreement run %s committed to %s: %d texts, %d failed; %.2f texts/s per task; %.1f s", runId,
                config.output(), texts, failed, rate, wall));
        Map<String, double[]> means = new TreeMap<>(); // pair → {Σ τ, n}
        for (Row r : rows) {
            Object tau = r.getAs("tau");
            if (tau != null) {
                double[] m = means.computeIfAbsent(r.getAs("attention_method") + " vs " + r.getAs("attribution_method"),
                        k -> new double[2]);
                m[0] += (Double) tau;
                m[1]++;
            }
        }
        means.forEach((pair, m) -> b.append(String.format(Locale.ROOT, "%n  mean tau %-30s %+.3f (%d texts)", pair,
                m[0] / m[1], (long) m[1])));
        return b.toString();
    }
}
