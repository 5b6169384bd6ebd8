package org.attentionatlas.results;

import org.attentionatlas.engine.stats.HeadStat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.attentionatlas.results.ColumnType.DOUBLE;
import static org.attentionatlas.results.ColumnType.DOUBLE_ARRAY;
import static org.attentionatlas.results.ColumnType.FLOAT_MATRIX;
import static org.attentionatlas.results.ColumnType.INT;
import static org.attentionatlas.results.ColumnType.LONG;
import static org.attentionatlas.results.ColumnType.LONG_ARRAY;
import static org.attentionatlas.results.ColumnType.STRING;
import static org.attentionatlas.results.ColumnType.STRING_ARRAY;

/**
 * The audit's tables. {@code documents}, {@code head_sums}, {@code runs} and {@code samples} get one partition per
 * run; {@code head_stats} holds every run's cumulative means (from the head_sums of every committed run, that run
 * included) and readers see the latest committed one.
 */
public final class AuditTables {

    /** The columns that identify one head of one model over one dataset and language. */
    public static final List<String> HEAD_KEY = List.of("model", "revision", "dataset", "language", "layer", "head");

    public static final ResultTable DOCUMENTS = ResultTable.builder("documents", Partitioning.EVERY_RUN)
            .add("doc_id", STRING)
            .add("content_hash", STRING)
            .add("model", STRING)
            .add("revision", STRING)
            .add("dataset", STRING)
            .add("language", STRING)
            .add("tokens", INT)
            .add("windows", INT)
            .build();

    /** The run's provenance, then the audit's input and counts. */
    public static final ResultTable RUNS = ResultTable.builder("runs", Partitioning.EVERY_RUN)
            .addAll(RunProvenance.COLUMNS)
            .add("input_format", STRING)
            .add("dataset", STRING)
            .add("master", STRING)
            .add("documents_read", LONG)
            .add("documents_new", LONG)
            .add("documents_skipped", LONG)
            .add("documents_duplicate", LONG)
            .add("documents_empty", LONG)
            .add("documents_invalid", LONG)
            .add("tokens", LONG)
            .add("sequences", LONG)
            .build();

    /**
     * Per run, the sums behind head_stats: {@link #sumColumn} per statistic and the offset buckets' mass; for the
     * standard errors, with each document as one sampling unit, per statistic {@link #sumSquaresColumn} (Σ over
     * documents of the document's sum squared) and {@link #sumTimesTokensColumn} (Σ of the document's sum × its
     * query positions), and {@code query_tokens_sq} (Σ of each document's query positions squared). All add up
     * across runs.
     */
    public static final ResultTable HEAD_SUMS = headKey(ResultTable.builder("head_sums", Partitioning.EVERY_RUN))
            .add("query_tokens", LONG)
            .add("sequences", LONG)
            .add("documents", LONG)
            .addAll(statColumns(AuditTables::sumColumn))
            .add("offset_sums", DOUBLE_ARRAY)
            .add("query_tokens_sq", DOUBLE)
            .addAll(statColumns(AuditTables::sumSquaresColumn))
            .addAll(statColumns(AuditTables::sumTimesTokensColumn))
            .build();

    /** Raw attention of a few sampled documents: one row per document, layer and head. */
    public static final ResultTable SAMPLES = ResultTable.builder("samples", Partitioning.EVERY_RUN)
            .add("doc_id", STRING)
            .add("content_hash", STRING)
            .add("language", STRING)
            .add("layer", INT)
            .add("head", INT)
            .add("tokens", STRING_ARRAY)
            .add("attention", FLOAT_MATRIX)
            .add("model", STRING)
            .add("revision", STRING)
            .build();

    /**
     * Every statistic's mean ({@link HeadStat#column()}), the offset histogram, the counts and the head's role; then
     * each mean's standard error ({@link #seColumn}, documents as independent draws; null below two documents).
     */
    public static final ResultTable HEAD_STATS = headKey(ResultTable.builder("head_stats", Partitioning.LATEST_RUN))
            .addAll(statColumns(HeadStat::column))
            .add("offset_hist", DOUBLE_ARRAY)
            .add("tokens", LONG)
            .add("sequences", LONG)
            .add("documents", LONG)
            .add("runs", LONG)
            .add("role", STRING)
            .addAll(statColumns(AuditTables::seColumn))
            .build();

    /**
     * Per head of one model, revision and dataset, how differently it behaves across languages
     * ({@link HeadSpecialisation}), derived from the same run's head_stats and published with it. The array columns
     * run parallel to {@code languages} (the compared ones, in order); {@code excluded_languages} had fewer than
     * {@code min_sequences} sequences.
     */
    public static final ResultTable HEAD_SPECIALISATION = ResultTable.builder("head_specialisation",
                    Partitioning.LATEST_RUN)
            .add("model", STRING).add("revision", STRING).add("dataset", STRING).add("layer", INT).add("head", INT)
            .add("languages", STRING_ARRAY)
            .add("language_sequences", LONG_ARRAY)
            .add("language_tokens", LONG_ARRAY)
            .add("excluded_languages", STRING_ARRAY)
            .add("min_sequences", LONG)
            .add("specificity", DOUBLE)
            .add("js_divergences", DOUBLE_ARRAY)
            .add("most_different_language", STRING)
            .add("entropy_spread", DOUBLE)
            .add("special_mass_spread", DOUBLE)
            .add("roles", STRING_ARRAY)
            .add("modal_role", STRING)
            .add("role_agreement", DOUBLE)
            .build();

    /** Tables a run writes as its own partition, head_stats and head_specialisation included. */
    public static final List<ResultTable> ALL = List.of(DOCUMENTS, HEAD_SUMS, RUNS, SAMPLES, HEAD_STATS,
            HEAD_SPECIALISATION);

    private AuditTables() {
    }

    /** Column of the per-run sum of a statistic, e.g. {@code entropy_mean_sum}. */
    public static String sumColumn(HeadStat s) {
        return s.column() + "_sum";
    }

    /** Column of Σ over documents of a document's sum of a statistic squared, e.g. {@code entropy_mean_sum_sq}. */
    public static String sumSquaresColumn(HeadStat s) {
        return s.column() + "_sum_sq";
    }

    /** Column of Σ over documents of a document's sum of a statistic × its query positions. */
    public static String sumTimesTokensColumn(HeadStat s) {
        return s.column() + "_sum_x_tokens";
    }

    /** Column of a statistic's standard error in head_stats, e.g. {@code entropy_mean_se}. */
    public static String seColumn(HeadStat s) {
        return s.column() + "_se";
    }

    /**
     * The numeric head_stats columns a head can be ranked or coloured by (every statistic and the counts): what the
     * web's {@code stat} parameter may name, whatever a results folder holds. Standard errors are not among them.
     */
    public static Set<String> statisticColumns() {
        Set<String> errors = new LinkedHashSet<>();
        Arrays.stream(HeadStat.values()).forEach(s -> errors.add(seColumn(s)));
        Set<String> out = new LinkedHashSet<>();
        for (Column c : HEAD_STATS.columns()) {
            if (c.type().numeric() && !HEAD_KEY.contains(c.name()) && !errors.contains(c.name())) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static ResultTable.Builder headKey(ResultTable.Builder b) {
        return b.add("model", STRING).add("revision", STRING).add("dataset", STRING).add("language", STRING)
                .add("layer", INT).add("head", INT);
    }

    /** One DOUBLE column per statistic, in {@link HeadStat} order. */
    private static List<Column> statColumns(Function<HeadStat, String> name) {
        return Arrays.stream(HeadStat.values()).map(s -> Column.of(name.apply(s), DOUBLE)).toList();
    }
}
