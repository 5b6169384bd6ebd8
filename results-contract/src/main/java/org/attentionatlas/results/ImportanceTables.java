package org.attentionatlas.results;

import java.util.List;

import static org.attentionatlas.results.ColumnType.DOUBLE;
import static org.attentionatlas.results.ColumnType.INT;
import static org.attentionatlas.results.ColumnType.LONG;
import static org.attentionatlas.results.ColumnType.STRING;

/**
 * The head-importance job's tables (Michel et al. 2019), one partition per run each. In head_importance
 * {@code importance_raw} is E_x |∂L_x/∂ξ_h| (L_x the masked-LM loss of sequence x), {@code importance} the same divided
 * by its layer's L2 norm, {@code rank} 0 for the most important head of the model. head_pruning removes the
 * least important {@code fraction} of heads (ξ = 0) and scores the same seeded masks: mean cross-entropy per masked
 * token (nats) and the share of masked tokens predicted exactly.
 */
public final class ImportanceTables {

    public static final ResultTable HEADS = key(ResultTable.builder("head_importance", Partitioning.EVERY_RUN))
            .add("layer", INT)
            .add("head", INT)
            .add("importance", DOUBLE)
            .add("importance_raw", DOUBLE)
            .add("rank", INT)
            .add("sequences", LONG)
            .add("masked_tokens", LONG)
            .build();

    public static final ResultTable PRUNING = key(ResultTable.builder("head_pruning", Partitioning.EVERY_RUN))
            .add("fraction", DOUBLE)
            .add("heads_pruned", INT)
            .add("mlm_loss", DOUBLE)
            .add("mlm_accuracy", DOUBLE)
            .add("sequences", LONG)
            .add("masked_tokens", LONG)
            .build();

    /** The run's provenance, then what determines the numbers (masks, windows) and the counts. */
    public static final ResultTable RUNS = ResultTable.builder("importance_runs", Partitioning.EVERY_RUN)
            .addAll(RunProvenance.COLUMNS)
            .add("dataset", STRING)
            .add("master", STRING)
            .add("seed", LONG)
            .add("mask_rate", DOUBLE)
            .add("max_length", INT)
            .add("documents", LONG)
            .add("documents_skipped", LONG)
            .add("sequences", LONG)
            .add("masked_tokens", LONG)
            .add("gradient_sequences_per_s", DOUBLE)
            .build();

    public static final List<ResultTable> ALL = List.of(HEADS, PRUNING, RUNS);

    private ImportanceTables() {
    }

    private static ResultTable.Builder key(ResultTable.Builder b) {
        return b.add("model", STRING).add("revision", STRING).add("dataset", STRING);
    }
}
