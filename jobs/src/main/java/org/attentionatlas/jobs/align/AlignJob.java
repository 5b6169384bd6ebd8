package org.attentionatlas.jobs.align;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.datasets.align.AlignCorpus;
import org.attentionatlas.datasets.align.AlignReject;
import org.attentionatlas.datasets.align.AlignedPair;
import org.attentionatlas.datasets.align.AlignmentReader;
import org.attentionatlas.engine.align.AerCounts;
import org.attentionatlas.engine.align.AlignGrid;
import org.attentionatlas.engine.align.AlignKey;
import org.attentionatlas.engine.align.AlignMethod;
import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.config.Architecture;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.jobs.common.CodeVersion;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.AlignTables;
import org.attentionatlas.results.ResultsLock;
import org.attentionatlas.results.RunIds;
import org.attentionatlas.results.RunProvenance;
import org.attentionatlas.udfs.AlignPairRows;
import org.attentionatlas.udfs.PairAlignerFunction;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The word alignment job: reads the pairs (and gold) on the driver ({@link AlignmentReader}), aligns every pair on the
 * executors with the executor's model ({@link PairAlignerFunction}: similarity at every layer, attention at every
 * layer and head), sums the link counts per aligner on the driver ({@link AlignScores}) and commits align_layers,
 * align_heads, align_links, align_rejects and align_runs atomically ({@link ResultStore}), holding the output folder's
 * writer lock from before loading the model until the commit is done.
 */
public final class AlignJob {

    /** The layer whose softmax links align_links holds without gold (awesome-align's default). */
    static final int DEFAULT_LAYER = 8;

    private final SparkSession spark;
    private final AlignConfig config;
    private final PrintStream out;

    public AlignJob(SparkSession spark, AlignConfig config, PrintStream out) {
        this.spark = spark;
        this.config = config;
        this.out = out;
    }

    AlignRunSummary run() {
        Instant started = Instant.now();
        AlignCorpus corpus = AlignmentReader.read(Paths.get(config.input()),
                config.gold() == null ? null : Paths.get(config.gold()));
        String pair = config.languagePair() != null ? config.languagePair() : corpus.languagePair();
        ResultStore store = new ResultStore(spark, config.output());
        try (ResultsLock lock = store.lock()) {
            return run(started, corpus, pair, store);
        }
    }

    private AlignRunSummary run(Instant started, AlignCorpus corpus, String pair, ResultStore store) {
        LoadedModel model = loadModel();
        ModelProvenance prov = model.provenance();
        AlignGrid grid = new AlignGrid(model.config().layers(), model.config().heads());
        store.recover();
        String runId = RunIds.next(started);
        out.println("align run " + runId + ": model " + prov.name() + " (revision " + prov.revision() + "), " + pair
                + ": " + corpus.pairs().size() + " pairs" + (corpus.gold() ? " with gold" : " without gold") + ", "
                + corpus.rejects().size() + " rejected while reading");
        out.flush();

        List<Row> aligned = align(corpus.pairs());
        List<AlignReject> rejects = new ArrayList<>(corpus.rejects());
        for (Row r : aligned) {
            if (r.getAs("error") != null) {
                rejects.add(new AlignReject(r.getAs("file"), r.getAs("line"), r.getAs("error")));
            }
        }
        AlignScores scores = new AlignScores(grid, corpus.gold()).add(aligned);
        String modelName = prov.name();
        String revision = prov.revision();
        store.write(layerRows(scores, modelName, revision, pair), runId, AlignTables.LAYERS);
        store.write(headRows(scores, modelName, revision, pair), runId, AlignTables.HEADS);
        store.write(config.aligning().links() ? linkRows(scores, corpus.pairs(), aligned, modelName, revision, pair)
                : List.of(), runId, AlignTables.LINKS);
        store.write(rejects.stream().map(r -> TableRow.of(AlignTables.REJECTS).set("model", modelName)
                .set("revision", revision).set("language_pair", pair).set("file", r.file()).set("line", r.line())
                .set("reason", r.reason()).row()).toList(), runId, AlignTables.REJECTS);
        long simNanos = aligned.stream().mapToLong(r -> r.<Long>getAs("similarity_nanos")).sum();
        long attNanos = aligned.stream().mapToLong(r -> r.<Long>getAs("attention_nanos")).sum();
        double simRate = perSecond(scores.sentences(), simNanos);
        double attRate = perSecond(scores.sentences(), attNanos);
        RunProvenance provenance = RunProvenance.endingNow(prov, config.toJson(), CodeVersion.current(),
                config.input(), started);
        Row run = TableRow.of(AlignTables.RUNS).setAll(provenance.values()).set("language_pair", pair)
                .set("gold", config.gold()).set("master", spark.sparkContext().master())
                .set("pairs", (long) corpus.pairs().size()).set("aligned", scores.sentences())
                .set("rejected", (long) rejects.size()).set("similarity_pairs_per_s", simRate)
                .set("attention_pairs_per_s", attRate).row();
        store.write(List.of(run), runId, AlignTables.RUNS);
        store.commit(runId, AlignTables.ALL);
        double wall = java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new AlignRunSummary(runId, store.root().toString(), pair, corpus.pairs().size(), scores.sentences(),
                rejects, simRate, attRate, wall, headlines(scores));
    }

    private List<Row> align(List<AlignedPair> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<Row> rows = pairs.stream().map(p -> RowFactory.create(p.file(), p.line(), p.src().toArray(new String[0]),
                p.tgt().toArray(new String[0]), p.sure(), p.possible())).toList();
        int chunk = config.aligning().chunkPairs();
        int partitions = config.partitions() > 0 ? config.partitions()
                : (int) Math.max(1, Math.min(rows.size(), Math.max((rows.size() + chunk - 1) / chunk,
                        2L * spark.sparkContext().defaultParallelism())));
        Dataset<Row> aligned = spark.createDataFrame(rows, AlignPairRows.INPUT).repartition(partitions)
                .mapPartitions(new PairAlignerFunction(config.aligning()), Encoders.row(AlignPairRows.ALIGNED));
        return aligned.collectAsList();
    }

    private static List<Row> layerRows(AlignScores s, String model, String revision, String pair) {
        List<Row> out = new ArrayList<>();
        for (AlignKey k : s.layerKeys()) {
            AerCounts c = s.counts(k);
            out.add(scoreRow(TableRow.of(AlignTables.LAYERS), s, c, model, revision, pair)
                    .set("method", k.method().label()).set("layer", AlignScores.tableLayer(k))
                    .set("sure", c.sure()).set("hit_sure", s.gold() ? c.hitSure() : null)
                    .set("hit_possible", s.gold() ? c.hitPossible() : null).row());
        }
        return out;
    }

    private static List<Row> headRows(AlignScores s, String model, String revision, String pair) {
        List<Row> out = new ArrayList<>();
        for (AlignKey k : s.headKeys()) {
            out.add(scoreRow(TableRow.of(AlignTables.HEADS), s, s.counts(k), model, revision, pair)
                    .set("layer", k.layer()).set("head", k.head()).row());
        }
        return out;
    }

    private static TableRow scoreRow(TableRow row, AlignScores s, AerCounts c, String model, String revision,
                                     String pair) {
        return row.set("model", model).set("revision", revision).set("language_pair", pair)
                .set("aer", s.gold() ? nullIfNaN(c.aer()) : null)
                .set("precision", s.gold() ? nullIfNaN(c.precision()) : null)
                .set("recall", s.gold() ? nullIfNaN(c.recall()) : null)
                .set("sentences", s.sentences()).set("links", c.predicted());
    }

    /**
     * Per pair the links of the best layer-level aligner and of the best head (without gold: softmax, layer 8), with
     * the pair's gold (sure, and possible-only) beside them.
     */
    private static List<Row> linkRows(AlignScores s, List<AlignedPair> pairs, List<Row> aligned, String model,
                                      String revision, String pair) {
        List<AlignKey> chosen = new ArrayList<>();
        Optional<AlignKey> layer = s.bestLayer();
        chosen.add(layer.orElse(new AlignKey(AlignMethod.SOFTMAX, Math.min(DEFAULT_LAYER, s.grid().layers()), -1)));
        s.bestHead().ifPresent(chosen::add);
        Map<String, AlignedPair> byLine = new HashMap<>();
        pairs.forEach(p -> byLine.put(p.file() + ":" + p.line(), p));
        List<Row> out = new ArrayList<>();
        for (Row r : aligned) {
            if (r.getAs("error") != null) {
                continue;
            }
            AlignedPair p = byLine.get(r.getAs("file") + ":" + r.getAs("line"));
            List<String> links = r.getList(r.fieldIndex("links"));
            Set<Link> sure = p.hasGold() ? Link.ofFlat(p.sure()) : null;
            Set<Link> possibleOnly = p.hasGold() ? Link.ofFlat(p.possible()) : null;
            if (possibleOnly != null) {
                possibleOnly.removeAll(sure);
            }
            for (AlignKey k : chosen) {
                out.add(TableRow.of(AlignTables.LINKS).set("model", model).set("revision", revision)
                        .set("language_pair", pair).set("file", p.file()).set("line", p.line())
                        .set("src", String.join(" ", p.src())).set("tgt", String.join(" ", p.tgt()))
                        .set("method", k.method().label())
                        .set("layer", k.method() == AlignMethod.HEAD ? k.layer() : AlignScores.tableLayer(k))
                        .set("head", k.method() == AlignMethod.HEAD ? k.head() : null)
                        .set("links", links.get(s.grid().index(k)))
                        .set("gold_sure", sure == null ? null : PairAlignerFunction.text(sure))
                        .set("gold_possible", possibleOnly == null ? null : PairAlignerFunction.text(possibleOnly))
                        .row());
            }
        }
        return out;
    }

    private static List<String> headlines(AlignScores s) {
        List<String> out = new ArrayList<>();
        if (!s.gold()) {
            return out;
        }
        for (AlignMethod m : List.of(AlignMethod.SOFTMAX, AlignMethod.ARGMAX, AlignMethod.ATTENTION_MEAN)) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-15s AER %% by layer:", m.label()));
            for (AlignKey k : s.layerKeys()) {
                if (k.method() == m) {
                    b.append(String.format(Locale.ROOT, " %d:%.1f", AlignScores.tableLayer(k),
                            100 * s.counts(k).aer()));
                }
            }
            out.add(b.toString());
        }
        s.bestLayer().ifPresent(k -> out.add(String.format(Locale.ROOT, "best layer aligner: %s layer %d, AER %.1f%%",
                k.method().label(), AlignScores.tableLayer(k), 100 * s.counts(k).aer())));
        s.bestHead().ifPresent(k -> out.add(String.format(Locale.ROOT, "best head: layer %d head %d, AER %.1f%%",
                k.layer(), k.head(), 100 * s.counts(k).aer())));
        return out;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double perSecond(long pairs, long nanos) {
        return nanos == 0 ? 0 : pairs / (nanos / 1e9);
    }

    private LoadedModel loadModel() {
        LoadedModel model = JobMain.loadModel(config.aligning().model());
        if (!model.hasTokenizer()) {
            throw new JobException("model '" + config.aligning().model().model() + "' has no tokenizer; the alignment "
                    + "job needs text");
        }
        if (model.config().architecture() != Architecture.BERT) {
            throw new JobException("model '" + config.aligning().model().model() + "' is "
                    + model.config().architecture() + "; the alignment job joins pairs as BERT's [CLS] a [SEP] b [SEP]"
                    + " and needs a BERT encoder");
        }
        return model;
    }
}
