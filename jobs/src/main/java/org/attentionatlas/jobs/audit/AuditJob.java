package org.attentionatlas.jobs.audit;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.attentionatlas.datasets.CorpusFormat;
import org.attentionatlas.datasets.CorpusReader;
import org.attentionatlas.datasets.CorpusSpec;
import org.attentionatlas.datasets.DocumentStatus;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.engine.progress.Progress;
import org.attentionatlas.engine.stats.HeadSums;
import org.attentionatlas.jobs.common.CodeVersion;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.SparkProgress;
import org.attentionatlas.jobs.common.SparkTables;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.ResultsLock;
import org.attentionatlas.results.RunIds;
import org.attentionatlas.results.RunProvenance;
import org.attentionatlas.udfs.AuditSettings;
import org.attentionatlas.udfs.AuditedDocument;
import org.attentionatlas.udfs.PartitionAuditor;
import org.attentionatlas.udfs.SampleExtractor;
import scala.Tuple2;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

/**
 * The corpus audit: reads a corpus, skips documents already audited with this model and revision, runs the engine on
 * the executors ({@link PartitionAuditor}) and commits documents, per-head sums, samples, a runs row and head_stats
 * (re-derived from every committed run's head_sums and its own) atomically ({@link ResultStore}). It holds the
 * output folder's writer lock from before loading the model until the commit is done.
 *
 * <p>Started by {@link AuditCommand} ({@code ./submit.sh audit}) with checked {@link AuditConfig} settings. Bad input
 * or model: an {@link JobException} or InputException before anything is written.
 */
public final class AuditJob {

    private final SparkSession spark;
    private final AuditConfig config;
    private final PrintStream out;

    public AuditJob(SparkSession spark, AuditConfig config, PrintStream out) {
        this.spark = spark;
        this.config = config;
        this.out = out;
    }

    public RunSummary run() {
        Instant started = Instant.now();
        AuditSettings settings = config.engine();
        CorpusSpec spec = config.corpus();
        if (settings.model().fp16() && "cpu".equalsIgnoreCase(settings.model().device())) {
            out.println("audit: note: fp16 applies on a GPU only; running fp32 on the CPU");
        }
        CorpusReader reader = new CorpusReader(spark);
        CorpusFormat format = reader.resolveFormat(spec);
        ResultStore store = new ResultStore(spark, config.output());
        try (ResultsLock lock = store.lock()) {
            return run(started, settings, spec, reader, format, store);
        }
    }

    private RunSummary run(Instant started, AuditSettings settings, CorpusSpec spec, CorpusReader reader,
                           CorpusFormat format, ResultStore store) {
        String dataset = datasetName(spec);
        LoadedModel model = JobMain.loadModel(settings.model());
        validateWindows(settings, model);
        ModelProvenance prov = model.provenance();

        Dataset<Row> keyed = reader.read(spec).withColumn("content_hash", sha2(col(CorpusReader.TEXT), 256))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Long> byStatus = countByStatus(keyed);
        long read = byStatus.values().stream().mapToLong(Long::longValue).sum();
        if (read == 0) {
            throw new InputException("input " + inputLabel(spec) + " holds no documents");
        }
        store.recover();
        String runId = RunIds.next(started);

        Dataset<Row> unique = keyed.filter(col(CorpusReader.STATUS).equalTo(DocumentStatus.OK))
                .groupBy("content_hash")
                .agg(min(struct(coalesce(col("doc_id"), col("content_hash")).as("doc_id"), col("language"), col("text"))).as("d"))
                .select(col("d.doc_id").as("doc_id"), col("content_hash"), col("d.language").as("language"), col("d.text").as("text"));
        Dataset<Row> done = store.table(AuditTables.DOCUMENTS)
                .filter(col("model").equalTo(prov.name()).and(col("revision").equalTo(prov.revision())))
                .select("content_hash");
        Dataset<Row> fresh = unique.join(done, scala.jdk.javaapi.CollectionConverters.asScala(List.of("content_hash")).toSeq(), "left_anti")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long ok = byStatus.getOrDefault(DocumentStatus.OK, 0L);
        long uniqueCount = unique.count();
        long freshCount = fresh.count();
        int partitions = partitions(freshCount, settings);
        out.println("audit run " + runId + ": model " + prov.name() + " (" + prov.source() + ", revision " + prov.revision()
                + "), input " + inputLabel(spec) + " [" + format.label() + "], dataset " + dataset + ": " + read
                + " documents read, processing " + freshCount + " new documents in " + partitions + " partitions");
        out.flush();

        long processingStart = System.nanoTime();
        long tokens = 0;
        long sequences = 0;
        if (freshCount > 0) {
            long[] totals = process(store, runId, fresh, partitions, freshCount, settings, prov, dataset, model);
            tokens = totals[0];
            sequences = totals[1];
            writeSamples(store, runId, fresh, settings, prov);
        }
        double seconds = (System.nanoTime() - processingStart) / 1e9;
        RunSummary summary = new RunSummary(runId, store.root().toString(), read, freshCount, uniqueCount - freshCount,
                ok - uniqueCount, byStatus.getOrDefault(DocumentStatus.EMPTY, 0L),
                byStatus.getOrDefault(DocumentStatus.INVALID, 0L), tokens, sequences, seconds);
        writeRunRow(store, runId, started, prov, spec, format, dataset, summary);
        writeHeadStats(store, runId);
        writeHeadSpecialisation(store, runId);
        store.commit(runId, AuditTables.ALL);
        fresh.unpersist();
        keyed.unpersist();
        return summary;
    }

    /** Runs the engine over the new documents; writes documents and head_sums to staging; returns tokens, sequences. */
    private long[] process(ResultStore store, String runId, Dataset<Row> fresh, int partitions, long total,
                           AuditSettings settings, ModelProvenance prov, String dataset, LoadedModel model) {
        Progress documentsDone = Progress.withTokens("audit", "documents", total,
                Pacing.of(config.progressIntervalMs()), out);
        try (SparkProgress progress = SparkProgress.start(spark, documentsDone)) {
            Dataset<Row> audited = splitLongDocuments(fresh).repartition(partitions, col("content_hash"), col("part"))
                    .mapPartitions(new PartitionAuditor(settings, progress.items(), progress.tokens()),
                            Encoders.row(AuditedDocument.SCHEMA))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> documents = audited.groupBy("content_hash")
                    .agg(min("doc_id").as("doc_id"), min("language").as("language"), max("tokens").as("tokens"),
                            sum("windows").cast("int").as("windows"))
                    .select(col("doc_id"), col("content_hash"), lit(prov.name()).as("model"), lit(prov.revision()).as("revision"),
                            lit(dataset).as("dataset"), col("language"), col("tokens"), col("windows"))
                    .coalesce(Math.max(1, (int) Math.min(partitions, total / 20_000 + 1)));
            store.write(documents, runId, AuditTables.DOCUMENTS);
            Map<String, HeadSumsRows> perLanguage = sumsByLanguage(audited, model.config().layers(),
                    model.config().heads());
            List<Row> rows = new ArrayList<>();
            new java.util.TreeMap<>(perLanguage).forEach((language, sums) ->
                    rows.addAll(sums.rows(prov, dataset, language)));
            store.write(rows, runId, AuditTables.HEAD_SUMS);
            Row totals = audited.agg(sum(when(col("part").equalTo(0), col("tokens")).otherwise(0)).as("tokens"),
                    sum("windows").as("sequences")).first();
            audited.unpersist();
            return new long[] {totals.<Long>getAs("tokens"), totals.<Long>getAs("sequences")};
        }
    }

    /**
     * One row per document, or several for a long one (columns part, parts) so that its windows spread over tasks:
     * a document of more than split-chars characters gets one part per split-chars.
     */
    private Dataset<Row> splitLongDocuments(Dataset<Row> docs) {
        int splitChars = config.splitChars();
        Column parts = splitChars <= 0 ? lit(1)
                : greatest(lit(1), ceil(length(col("text")).divide(splitChars))).cast("int");
        return docs.withColumn("parts", parts).withColumn("part", explode(sequence(lit(0), col("parts").minus(1))))
                .select("doc_id", "content_hash", "language", "text", "part", "parts");
    }

    /**
     * Every document's {@link HeadSums} merged per language with {@code reduceByKey}: first a document's parts, which
     * then count as one sampling unit of the standard errors (its windows overlap), then the documents per language.
     */
    private static Map<String, HeadSumsRows> sumsByLanguage(Dataset<Row> audited, int layers, int heads) {
        JavaPairRDD<Tuple2<String, String>, HeadSumsRows> parts = audited.javaRDD().mapToPair(r ->
                new Tuple2<>(new Tuple2<>(r.<String>getAs(AuditedDocument.LANGUAGE),
                        r.<String>getAs(AuditedDocument.CONTENT_HASH)), sumsOf(r, layers, heads)));
        return new HashMap<>(parts.reduceByKey(HeadSumsRows::merge)
                .mapToPair(d -> new Tuple2<>(d._1()._1(), d._2().asOneUnit()))
                .reduceByKey(HeadSumsRows::merge).collectAsMap());
    }

    private static HeadSumsRows sumsOf(Row r, int layers, int heads) {
        double[] raw = r.<Double>getList(r.fieldIndex(AuditedDocument.SUMS)).stream()
                .mapToDouble(Double::doubleValue).toArray();
        HeadSums sums = HeadSums.of(layers, heads, raw, r.<Long>getAs(AuditedDocument.QUERY_TOKENS),
                r.<Integer>getAs(AuditedDocument.WINDOWS));
        // part 0 only counts the document, so a split document counts once
        long documents = r.<Integer>getAs(AuditedDocument.PART) == 0 ? 1 : 0;
        return new HeadSumsRows(sums, documents);
    }

    /**
     * Stages this run's head_stats: the means over every committed run's head_sums and this run's own, so the
     * commit marker publishes them together with the sums (no window where one is new and the other stale).
     */
    private void writeHeadStats(ResultStore store, String runId) {
        Dataset<Row> sums = store.table(AuditTables.HEAD_SUMS);
        Dataset<Row> own = store.staged(runId, AuditTables.HEAD_SUMS);
        if (own != null) {
            sums = sums.unionByName(own);
        }
        store.write(HeadStatsView.derive(spark, sums, HeadStatsView.metrics(config.metrics())).coalesce(1),
                runId, AuditTables.HEAD_STATS);
    }

    /**
     * Stages head_specialisation, scored from this run's staged head_stats (every committed run's and its own), so the
     * same commit marker publishes both; an empty partition when no dataset has two languages to compare.
     */
    private void writeHeadSpecialisation(ResultStore store, String runId) {
        HeadSpecialisationRows.Derived d = HeadSpecialisationRows.derive(store.staged(runId, AuditTables.HEAD_STATS),
                config.minSequences());
        out.println("audit: head_specialisation: " + d.rows().size() + " heads scored across languages"
                + (d.excluded().isEmpty() ? "" : "; left out (fewer than " + config.minSequences() + " sequences): "
                + String.join(", ", d.excluded())));
        store.write(d.rows(), runId, AuditTables.HEAD_SPECIALISATION);
    }

    /** Raw attention of up to sample-size documents per model and revision (smallest content hashes first). */
    private void writeSamples(ResultStore store, String runId, Dataset<Row> fresh, AuditSettings settings, ModelProvenance prov) {
        int wanted = config.sampleSize();
        if (wanted <= 0) {
            return;
        }
        long have = store.table(AuditTables.SAMPLES)
                .filter(col("model").equalTo(prov.name()).and(col("revision").equalTo(prov.revision())))
                .select("content_hash").distinct().count();
        int take = (int) Math.max(0, wanted - have);
        if (take == 0) {
            return;
        }
        store.write(fresh.orderBy("content_hash").limit(take)
                .flatMap(new SampleExtractor(settings), Encoders.row(SparkTables.schema(SampleExtractor.SAMPLE)))
                .withColumn("model", lit(prov.name())).withColumn("revision", lit(prov.revision())),
                runId, AuditTables.SAMPLES);
    }

    private void writeRunRow(ResultStore store, String runId, Instant started, ModelProvenance prov, CorpusSpec spec,
                             CorpusFormat format, String dataset, RunSummary s) {
        RunProvenance provenance = RunProvenance.endingNow(prov, config.toJson(), CodeVersion.current(),
                inputLabel(spec), started);
        Row row = TableRow.of(AuditTables.RUNS).setAll(provenance.values())
                .set("input_format", format.label()).set("dataset", dataset)
                .set("master", spark.sparkContext().master())
                .set("documents_read", s.documentsRead()).set("documents_new", s.documentsNew())
                .set("documents_skipped", s.documentsSkipped()).set("documents_duplicate", s.documentsDuplicate())
                .set("documents_empty", s.documentsEmpty()).set("documents_invalid", s.documentsInvalid())
                .set("tokens", s.tokens()).set("sequences", s.sequences()).row();
        store.write(List.of(row), runId, AuditTables.RUNS);
    }

    private static Map<String, Long> countByStatus(Dataset<Row> keyed) {
        Map<String, Long> out = new HashMap<>();
        for (Row r : keyed.groupBy(CorpusReader.STATUS).count().collectAsList()) {
            out.put(r.getAs(CorpusReader.STATUS), r.<Long>getAs("count"));
        }
        return out;
    }

    private int partitions(long documents, AuditSettings settings) {
        int configured = config.partitions();
        if (configured > 0) {
            return configured;
        }
        long byChunks = (documents + settings.chunkDocs() - 1) / settings.chunkDocs();
        long wanted = Math.max(byChunks, 4L * spark.sparkContext().defaultParallelism());
        return (int) Math.max(1, Math.min(wanted, documents)); // no empty tasks for tiny inputs
    }

    /** Refuses, before any work, a model the audit cannot run and windows the model cannot take. */
    private static void validateWindows(AuditSettings s, LoadedModel model) {
        if (!model.hasTokenizer()) {
            throw new JobException("model '" + s.model().model() + "' has no tokenizer; the audit needs text input");
        }
        try {
            s.checkWindows(model);
        } catch (IllegalArgumentException e) {
            throw new JobException(e.getMessage() + " (model '" + s.model().model() + "')", e);
        }
    }

    private String datasetName(CorpusSpec spec) {
        String configured = config.dataset();
        return configured != null ? configured : spec.defaultDataset();
    }

    private static String inputLabel(CorpusSpec spec) {
        return spec.label();
    }
}
