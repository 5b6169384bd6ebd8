package org.attentionatlas.results;

import java.util.List;

import static org.attentionatlas.results.ColumnType.DOUBLE;
import static org.attentionatlas.results.ColumnType.INT;
import static org.attentionatlas.results.ColumnType.LONG;
import static org.attentionatlas.results.ColumnType.STRING;

/**
 * The alignment job's tables, one partition per run each, committed like the audit's. {@code language_pair} names the
 * input (enfr, roen, fra-eng, …); scores are summed over the corpus (Och &amp; Ney), AER as a fraction, null without
 * gold. In align_layers {@code layer} is the number of transformer layers applied (0 = embeddings) for softmax and
 * argmax, and 1 + the 0-based layer index for attention-mean, so that every method's layer l is the output of the
 * l-th layer; align_heads keeps the 0-based layer index.
 */
public final class AlignTables {

    public static final ResultTable LAYERS = key(ResultTable.builder("align_layers", Partitioning.EVERY_RUN))
            .add("method", STRING)
            .add("layer", INT)
            .add("aer", DOUBLE)
            .add("precision", DOUBLE)
            .add("recall", DOUBLE)
            .add("sentences", LONG)
            .add("links", LONG)
            .add("sure", LONG)
            .add("hit_sure", LONG)
            .add("hit_possible", LONG)
            .build();

    public static final ResultTable HEADS = key(ResultTable.builder("align_heads", Partitioning.EVERY_RUN))
            .add("layer", INT)
            .add("head", INT)
            .add("aer", DOUBLE)
            .add("precision", DOUBLE)
            .add("recall", DOUBLE)
            .add("sentences", LONG)
            .add("links", LONG)
            .build();

    /**
     * Per sentence the predicted links ("i-j", 0-based, space-separated) of one aligner: the best layer's and the best
     * head's; beside them the gold in the same notation ({@code gold_sure}: S; {@code gold_possible}: the possible-only
     * links, P \ S), null without gold.
     */
    public static final ResultTable LINKS = key(ResultTable.builder("align_links", Partitioning.EVERY_RUN))
            .add("file", STRING)
            .add("line", LONG)
            .add("src", STRING)
            .add("tgt", STRING)
            .add("method", STRING)
            .add("layer", INT)
            .add("head", INT)
            .add("links", STRING)
            .add("gold_sure", STRING)
            .add("gold_possible", STRING)
            .build();

    public static final ResultTable REJECTS = key(ResultTable.builder("align_rejects", Partitioning.EVERY_RUN))
            .add("file", STRING)
            .add("line", LONG)
            .add("reason", STRING)
            .build();

    /** The run's provenance, then the alignment job's inputs and counts. */
    public static final ResultTable RUNS = ResultTable.builder("align_runs", Partitioning.EVERY_RUN)
            .addAll(RunProvenance.COLUMNS)
            .add("language_pair", STRING)
            .add("gold", STRING)
            .add("master", STRING)
            .add("pairs", LONG)
            .add("aligned", LONG)
            .add("rejected", LONG)
            .add("similarity_pairs_per_s", DOUBLE)
            .add("attention_pairs_per_s", DOUBLE)
            .build();

    public static final List<ResultTable> ALL = List.of(LAYERS, HEADS, LINKS, REJECTS, RUNS);

    private AlignTables() {
    }

    private static ResultTable.Builder key(ResultTable.Builder b) {
        return b.add("model", STRING).add("revision", STRING).add("language_pair", STRING);
    }
}
