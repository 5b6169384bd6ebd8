package org.attentionatlas.jobs.audit;

import org.attentionatlas.datasets.CorpusFormat;
import org.attentionatlas.datasets.CorpusSpec;
import org.attentionatlas.engine.cli.ModelOptions;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.udfs.AuditSettings;
import org.attentionatlas.udfs.ModelSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The audit's command-line options, shared by {@code audit} and {@code bench-audit}. Their defaults come from
 * {@link AuditDefaults} (conf/audit.properties, then {@code --conf FILE}); flags override both.
 */
public final class AuditOptions {

    @Option(names = "--conf", paramLabel = "FILE", description = "properties file of settings (keys named like the flags)")
    private Path conf;

    @Mixin
    private ModelOptions model;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "where short model names are unpacked (empty: the engine's default)")
    private String modelsDir;

    @Option(names = "--input", paramLabel = "PATH", description = "text file, folder of .txt files, .jsonl, .parquet, .csv, or Tatoeba .tsv pairs (empty: the bundled corpus)")
    private String input;

    @Option(names = "--format", description = "auto, text, txt-dir, jsonl, parquet, csv or tatoeba (TSV pairs: both sides, languages from the file names)")
    private String format;

    @Option(names = "--text-field", paramLabel = "FIELD", description = "JSONL field of the text")
    private String textField;

    @Option(names = "--text-column", paramLabel = "COLUMN", description = "Parquet or CSV column of the text (a synonym of --text-field)")
    private String textColumn;

    @Option(names = "--id-field", paramLabel = "FIELD", description = "field of document ids (empty: SHA-256 of the text)")
    private String idField;

    @Option(names = "--lang-field", paramLabel = "FIELD", description = "field of language codes (empty: --language)")
    private String langField;

    @Option(names = "--language", description = "language of documents without one")
    private String language;

    @Option(names = "--dataset", description = "dataset name recorded in the results (empty: the input's file name)")
    private String dataset;

    @Option(names = "--output", paramLabel = "DIR", description = "results folder")
    private String output;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (empty: spark-submit's, else local[2])")
    private String master;

    @Option(names = "--fp16", arity = "0..1", description = "half precision on a GPU (ignored on the CPU)")
    private boolean fp16;

    @Option(names = "--batch-tokens", paramLabel = "N", description = "padded tokens per forward pass")
    private int batchTokens;

    @Option(names = "--batch-size", paramLabel = "N", description = "most sequences per forward pass")
    private int batchSize;

    @Option(names = "--chunk-docs", paramLabel = "N", description = "documents a task sorts and batches together")
    private int chunkDocs;

    @Option(names = "--max-length", paramLabel = "TOKENS", description = "window length, special tokens included (0: the model's maximum)")
    private int maxLength;

    @Option(names = "--stride", paramLabel = "TOKENS", description = "text tokens between window starts (0: half a window)")
    private int stride;

    @Option(names = "--split-chars", paramLabel = "N", description = "a longer document is spread over several tasks (0: never)")
    private int splitChars;

    @Option(names = "--torch-threads", paramLabel = "N", description = "PyTorch intra-op threads per executor JVM (0: PyTorch's default)")
    private int torchThreads;

    @Option(names = "--partitions", paramLabel = "N", description = "partitions of the new documents (0: automatic)")
    private int partitions;

    @Option(names = "--metrics", description = "head_stats statistic columns: all, or a comma list (entropy_mean, cls_mass, ...)")
    private String metrics;

    @Option(names = "--sample-size", paramLabel = "N", description = "documents per model and revision whose raw attention is kept")
    private int sampleSize;

    @Option(names = "--progress-interval-ms", paramLabel = "MS",
            description = "console progress at most this often on a terminal (else every 30 s)")
    private int progressIntervalMs;

    @Option(names = "--min-sequences", paramLabel = "N", description = "head_specialisation compares only languages with at least N sequences")
    private int minSequences;

    /** The checked settings; an {@link IllegalArgumentException} (or InputException) naming a bad one. */
    public AuditConfig config() {
        ModelSettings m = new ModelSettings(model.model(), JobMain.modelsDir(Settings.blankToNull(modelsDir)),
                model.device(), fp16, torchThreads);
        AuditSettings engine = new AuditSettings(m, maxLength, stride, batchTokens, batchSize, chunkDocs);
        // --text-field (JSONL) and --text-column (Parquet/CSV) name the same thing; a non-default one wins
        String text = !"text".equals(textColumn) ? textColumn : textField;
        CorpusSpec corpus = new CorpusSpec(Settings.blankToNull(input), CorpusFormat.parse(format), text,
                Settings.blankToNull(idField), Settings.blankToNull(langField), language);
        return new AuditConfig(engine, corpus, dataset, output, master, splitChars, partitions, metrics, sampleSize,
                progressIntervalMs, minSequences);
    }
}
