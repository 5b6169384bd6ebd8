package org.attentionatlas.results;

import java.util.List;

import static org.attentionatlas.results.ColumnType.DOUBLE;
import static org.attentionatlas.results.ColumnType.INT;
import static org.attentionatlas.results.ColumnType.LONG;
import static org.attentionatlas.results.ColumnType.STRING;

/**
 * The agreement job's tables, one partition per run each. {@code agreement}: per text and (attention score,
 * attribution) pair, Kendall τ-b between the two rankings of the text's attributed tokens, its p-value and the top-k
 * overlap; {@code target} is the word scored at the mask (MLM models) or the text the embedding is compared with.
 */
public final class AgreementTables {

    public static final ResultTable AGREEMENT = ResultTable.builder("agreement", Partitioning.EVERY_RUN)
            .add("model", STRING)
            .add("revision", STRING)
            .add("dataset", STRING)
            .add("text_id", STRING)
            .add("text", STRING)
            .add("target", STRING)
            .add("attention_method", STRING)
            .add("attribution_method", STRING)
            .add("tau", DOUBLE)
            .add("p_value", DOUBLE)
            .add("top_k_overlap", DOUBLE)
            .add("k", INT)
            .add("tokens", INT)
            .build();

    /** The run's provenance, then the agreement job's inputs and counts. */
    public static final ResultTable RUNS = ResultTable.builder("agreement_runs", Partitioning.EVERY_RUN)
            .addAll(RunProvenance.COLUMNS)
            .add("dataset", STRING)
            .add("master", STRING)
            .add("texts", LONG)
            .add("scored", LONG)
            .add("failed", LONG)
            .add("texts_per_s", DOUBLE)
            .build();

    public static final List<ResultTable> ALL = List.of(AGREEMENT, RUNS);

    private AgreementTables() {
    }
}
