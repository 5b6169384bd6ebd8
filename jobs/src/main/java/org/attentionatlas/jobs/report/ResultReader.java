package org.attentionatlas.jobs.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.reports.data.AlignExample;
import org.attentionatlas.reports.data.AlignScore;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.RunInfo;
import org.attentionatlas.reports.data.SpecialisedHead;
import org.attentionatlas.results.AuditTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one audit output into the report's plain data: the committed runs, head_stats (the views the {@code sql}
 * command registers, so captions' queries can be rerun there) and the first sampled documents. Columns by name.
 */
public final class ResultReader {

    private final SparkSession spark;

    public ResultReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Reads {@code dir}; at most {@code maxSamples} sampled documents (by doc id) are loaded. */
    public AuditResults read(String dir, int maxSamples) {
        SqlCommand.registerViews(spark, dir); // replaces the views of a previously read directory
        return new AuditResults(dir, runs(), groups(), samples(maxSamples), specialisation(),
                alignment(), alignExamples());
    }

    private List<RunInfo> runs() {
        List<RunInfo> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT run_id, model, revision, dataset, CAST(started_at AS STRING) AS started,"
                + " config FROM runs ORDER BY started_at, run_id").collectAsList()) {
            out.add(new RunInfo(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"), r.getAs("dataset"),
                    r.getAs("started"), r.getAs("config")));
        }
        return out;
    }

    private List<HeadGroup> groups() {
        Set<String> columns = Set.of(spark.table("head_stats").columns());
        Map<List<String>, List<Row>> byGroup = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT * FROM head_stats ORDER BY model, revision, dataset, language, layer, head")
                .collectAsList()) {
            List<String> key = List.of(r.<String>getAs("model"), r.<String>getAs("revision"),
                    r.<String>getAs("dataset"), r.<String>getAs("language"));
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<HeadGroup> out = new ArrayList<>();
        byGroup.forEach((key, rows) -> out.add(group(key, rows, columns)));
        return out;
    }

    private static HeadGroup group(List<String> key, List<Row> rows, Set<String> columns) {
        int layers = 1 + rows.stream().mapToInt(r -> r.<Integer>getAs("layer")).max().orElse(-1);
        int heads = 1 + rows.stream().mapToInt(r -> r.<Integer>getAs("head")).max().orElse(-1);
        Map<HeadStat, double[][]> stats = new EnumMap<>(HeadStat.class);
        for (HeadStat s : HeadStat.values()) {
            if (columns.contains(s.column())) {
                double[][] grid = new double[layers][heads];
                Arrays.stream(grid).forEach(row -> Arrays.fill(row, Double.NaN));
                stats.put(s, grid);
            }
        }
        Map<HeadStat, double[][]> errors = new EnumMap<>(HeadStat.class);
        for (HeadStat s : HeadStat.values()) {
            if (columns.contains(AuditTables.seColumn(s))) {
                double[][] grid = new double[layers][heads];
                Arrays.stream(grid).forEach(row -> Arrays.fill(row, Double.NaN));
                errors.put(s, grid);
            }
        }
        double[][][] hist = new double[layers][heads][];
        String[][] roles = new String[layers][heads];
        long tokens = 0;
        long sequences = 0;
        for (Row r : rows) {
            int l = r.<Integer>getAs("layer");
            int h = r.<Integer>getAs("head");
            stats.forEach((s, grid) -> {
                Object v = r.getAs(s.column());
                grid[l][h] = v == null ? Double.NaN : ((Number) v).doubleValue();
            });
            errors.forEach((s, grid) -> {
                Object v = r.getAs(AuditTables.seColumn(s));
                grid[l][h] = v == null ? Double.NaN : ((Number) v).doubleValue();
            });
            List<Double> offsets = r.getList(r.fieldIndex("offset_hist"));
            hist[l][h] = offsets.stream().mapToDouble(d -> d == null ? 0 : d).toArray();
            roles[l][h] = columns.contains("role") ? r.getAs("role") : null;
            tokens = Math.max(tokens, ((Number) r.getAs("tokens")).longValue());
            sequences = Math.max(sequences, ((Number) r.getAs("sequences")).longValue());
        }
        int buckets = org.attentionatlas.engine.stats.OffsetBuckets.count();
        for (double[][] layer : hist) {
            for (int h = 0; h < heads; h++) {
                if (layer[h] == null) {
                    layer[h] = new double[buckets]; // a head with no row shows no mass
                }
            }
        }
        return new HeadGroup(key.get(0), key.get(1), key.get(2), key.get(3), layers, heads, stats, hist, roles, tokens,
                sequences, errors);
    }

    /** head_specialisation rows (the view is empty in a folder written before the table existed). */
    private List<SpecialisedHead> specialisation() {
        List<SpecialisedHead> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT * FROM head_specialisation ORDER BY model, revision, dataset, layer, head")
                .collectAsList()) {
            out.add(new SpecialisedHead(r.getAs("model"), r.getAs("revision"), r.getAs("dataset"),
                    r.<Integer>getAs("layer"), r.<Integer>getAs("head"), list(r, "languages"),
                    list(r, "language_sequences"), list(r, "language_tokens"), list(r, "excluded_languages"),
                    r.<Long>getAs("min_sequences"), r.<Double>getAs("specificity"), list(r, "js_divergences"),
                    r.getAs("most_different_language"), r.<Double>getAs("entropy_spread"),
                    r.<Double>getAs("special_mass_spread"), list(r, "roles"), r.getAs("modal_role"),
                    r.<Double>getAs("role_agreement")));
        }
        return out;
    }

    private static final String LATEST_ALIGN_RUN = "WITH latest AS (SELECT model, revision, language_pair,"
            + " MAX(run_id) AS run_id FROM align_layers GROUP BY model, revision, language_pair) ";
    private static final String JOIN_LATEST = " t JOIN latest l ON t.model = l.model AND t.revision = l.revision"
            + " AND t.language_pair = l.language_pair AND t.run_id = l.run_id";

    /** align_layers then align_heads rows of the latest committed run of each model revision and language pair. */
    private List<AlignScore> alignment() {
        List<AlignScore> out = new ArrayList<>();
        for (Row r : spark.sql(LATEST_ALIGN_RUN + "SELECT t.run_id, t.model, t.revision, t.language_pair, method,"
                + " layer, -1 AS head, aer, precision, recall, sentences FROM align_layers" + JOIN_LATEST
                + " ORDER BY t.model, t.revision, t.language_pair, method, layer").collectAsList()) {
            out.add(alignScore(r));
        }
        for (Row r : spark.sql(LATEST_ALIGN_RUN + "SELECT t.run_id, t.model, t.revision, t.language_pair, '"
                + AlignScore.HEAD + "' AS method, layer, head, aer, precision, recall, sentences FROM align_heads"
                + JOIN_LATEST
                + " ORDER BY t.model, t.revision, t.language_pair, layer, head").collectAsList()) {
            out.add(alignScore(r));
        }
        return out;
    }

    /** The latest runs' align_links rows of the best layer-level aligner (head null) that carry gold. */
    private List<AlignExample> alignExamples() {
        List<AlignExample> out = new ArrayList<>();
        for (Row r : spark.sql(LATEST_ALIGN_RUN + "SELECT t.run_id, t.model, t.revision, t.language_pair, file, line,"
                + " method, layer, src, tgt, links, gold_sure, gold_possible FROM align_links" + JOIN_LATEST
                + " WHERE head IS NULL AND gold_sure IS NOT NULL ORDER BY t.model, t.revision, t.language_pair, file,"
                + " line").collectAsList()) {
            out.add(new AlignExample(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"),
                    r.getAs("language_pair"), r.getAs("file"), r.<Long>getAs("line"), r.getAs("method"),
                    r.<Integer>getAs("layer"), words(r, "src"), words(r, "tgt"), Link.parseAll(r.getAs("links")),
                    Link.parseAll(r.getAs("gold_sure")), Link.parseAll(r.getAs("gold_possible"))));
        }
        return out;
    }

    /** A space-joined side of align_links as its words. */
    private static List<String> words(Row r, String column) {
        return List.of(r.<String>getAs(column).split(" "));
    }

    private static AlignScore alignScore(Row r) {
        return new AlignScore(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"), r.getAs("language_pair"),
                r.getAs("method"), r.<Integer>getAs("layer"), r.<Integer>getAs("head"), fraction(r, "aer"),
                fraction(r, "precision"), fraction(r, "recall"), r.<Long>getAs("sentences"));
    }

    /** A score column; null (no gold) as NaN. */
    private static double fraction(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static <T> List<T> list(Row r, String column) {
        return r.getList(r.fieldIndex(column));
    }

    private List<AttentionSample> samples(int max) {
        List<String> docs = spark.sql("SELECT DISTINCT doc_id FROM samples ORDER BY doc_id LIMIT " + Math.max(0, max))
                .collectAsList().stream().map(r -> r.<String>getAs("doc_id")).toList();
        if (docs.isEmpty()) {
            return List.of();
        }
        String in = docs.stream().map(d -> "'" + d.replace("'", "''") + "'").collect(Collectors.joining(", "));
        Map<List<String>, List<Row>> byDoc = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT doc_id, run_id, language, model, revision, layer, head, tokens, attention"
                + " FROM samples WHERE doc_id IN (" + in + ") ORDER BY doc_id, run_id, layer, head").collectAsList()) {
            byDoc.computeIfAbsent(List.of(r.getAs("doc_id"), r.getAs("run_id")), k -> new ArrayList<>()).add(r);
        }
        List<AttentionSample> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (List<Row> rows : byDoc.values()) {
            if (seen.add(rows.get(0).getAs("doc_id"))) { // a document sampled by several runs: its first run
                out.add(sample(rows));
            }
        }
        return out;
    }

    /** Spark hands out nested arrays as Scala sequences inside the outer Java list. */
    private static List<?> innerList(Object o) {
        if (o instanceof List<?> l) {
            return l;
        }
        return scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) o);
    }

    private static AttentionSample sample(List<Row> rows) {
        Row first = rows.get(0);
        int layers = 1 + rows.stream().mapToInt(r -> r.<Integer>getAs("layer")).max().orElse(-1);
        int heads = 1 + rows.stream().mapToInt(r -> r.<Integer>getAs("head")).max().orElse(-1);
        String[] tokens = first.<String>getList(first.fieldIndex("tokens")).toArray(new String[0]);
        int n = tokens.length;
        float[][][][] att = new float[layers][heads][n][n];
        for (Row r : rows) {
            List<Object> m = r.getList(r.fieldIndex("attention"));
            float[][] target = att[r.<Integer>getAs("layer")][r.<Integer>getAs("head")];
            for (int q = 0; q < n; q++) {
                List<?> row = innerList(m.get(q));
                for (int k = 0; k < n; k++) {
                    target[q][k] = ((Number) row.get(k)).floatValue();
                }
            }
        }
        return new AttentionSample(first.getAs("doc_id"), first.getAs("language"), first.getAs("model"),
                first.getAs("revision"), first.getAs("run_id"), tokens, att);
    }
}
