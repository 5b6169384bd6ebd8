package org.attentionatlas.results;

import java.util.List;

import static org.attentionatlas.results.ColumnType.DOUBLE;
import static org.attentionatlas.results.ColumnType.DOUBLE_ARRAY;
import static org.attentionatlas.results.ColumnType.INT;
import static org.attentionatlas.results.ColumnType.LONG;
import static org.attentionatlas.results.ColumnType.STRING;
import static org.attentionatlas.results.ColumnType.STRING_ARRAY;

/** The bias job's tables, one partition per run each, committed like the audit's (they share one results folder). */
public final class BiasTables {

    /** Every scored sentence: model coordinates, the sentence and its spans, its scores (per head, layer-major). */
    public static final ResultTable SENTENCES = key(ResultTable.builder("bias_sentences", Partitioning.EVERY_RUN))
            .add("kind", STRING)
            .add("id", STRING)
            .add("variant", STRING)
            .add("grp", STRING)
            .add("occupation", STRING)
            .add("text", STRING)
            .add("pronoun_start", INT)
            .add("pronoun_end", INT)
            .add("target_start", INT)
            .add("target_end", INT)
            .add("other_start", INT)
            .add("other_end", INT)
            .add("file", STRING)
            .add("line", LONG)
            .add("seq", INT)
            .add("text2", STRING)
            .add("layers", INT)
            .add("heads", INT)
            .add("per_head", DOUBLE_ARRAY)
            .add("per_layer", DOUBLE_ARRAY)
            .add("head_avg", DOUBLE)
            .add("rollout", DOUBLE)
            .add("words", STRING_ARRAY)
            .add("pronoun_row", DOUBLE_ARRAY)
            .add("mlm", DOUBLE_ARRAY)
            .add("error", STRING)
            .build();

    public static final ResultTable SUMMARY = key(ResultTable.builder("bias_summary", Partitioning.EVERY_RUN))
            .add("grp", STRING)
            .add("metric", STRING)
            .add("attention", STRING)
            .add("estimate", DOUBLE)
            .add("ci_low", DOUBLE)
            .add("ci_high", DOUBLE)
            .add("n", INT)
            .add("p_value", DOUBLE)
            .build();

    public static final ResultTable HEADS = key(ResultTable.builder("bias_heads", Partitioning.EVERY_RUN))
            .add("grp", STRING)
            .add("metric", STRING)
            .add("layer", INT)
            .add("head", INT)
            .add("value", DOUBLE)
            .add("ci_low", DOUBLE)
            .add("ci_high", DOUBLE)
            .add("p_value", DOUBLE)
            .add("n", INT)
            .add("rank", INT)
            .build();

    public static final ResultTable REJECTS = key(ResultTable.builder("bias_rejects", Partitioning.EVERY_RUN))
            .add("file", STRING)
            .add("line", LONG)
            .add("kind", STRING)
            .add("reason", STRING)
            .build();

    /** The run's provenance, then the bias job's datasets, settings and counts. */
    public static final ResultTable RUNS = ResultTable.builder("bias_runs", Partitioning.EVERY_RUN)
            .addAll(RunProvenance.COLUMNS)
            .add("datasets", STRING)
            .add("master", STRING)
            .add("seed", LONG)
            .add("bootstrap", INT)
            .add("permutations", INT)
            .add("sentences", LONG)
            .add("scored", LONG)
            .add("rejected", LONG)
            .add("mlm", STRING)
            .add("notes", STRING)
            .build();

    public static final List<ResultTable> ALL = List.of(SENTENCES, SUMMARY, HEADS, REJECTS, RUNS);

    private BiasTables() {
    }

    private static ResultTable.Builder key(ResultTable.Builder b) {
        return b.add("model", STRING).add("revision", STRING).add("dataset", STRING);
    }
}
