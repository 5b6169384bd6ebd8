package org.attentionatlas.jobs.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.results.BiasTables;
import org.attentionatlas.reports.bias.BiasResults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bias tables of one result directory for the report: the runs, and of the latest run of each (model,
 * revision, dataset) the summary, the per-head grids (bias groups such as type1/type2 left to SQL) and the example
 * pairs with the largest difference between their two sentences.
 */
public final class BiasResultReader {

    /** Example pairs shown per model and dataset. */
    static final int EXAMPLES = 2;

    private static final String LATEST = "WITH latest AS (SELECT model, revision, dataset, MAX(run_id) AS run_id "
            + "FROM bias_summary GROUP BY model, revision, dataset) ";

    private final SparkSession spark;

    public BiasResultReader(SparkSession spark) {
        this.spark = spark;
    }

    /** The bias results of {@code dir}, or null when it holds no committed bias run. */
    public BiasResults read(String dir) {
        new ResultStore(spark, dir).registerViews(BiasTables.ALL);
        List<BiasResults.Run> runs = runs();
        if (runs.isEmpty()) {
            return null;
        }
        return new BiasResults(runs, summary(), heads(), examples());
    }

    private List<BiasResults.Run> runs() {
        List<BiasResults.Run> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT run_id, model, revision, datasets, seed, bootstrap, sentences, scored, rejected,"
                + " notes FROM bias_runs ORDER BY started_at, run_id").collectAsList()) {
            out.add(new BiasResults.Run(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"), r.getAs("datasets"),
                    r.<Long>getAs("seed"), r.<Integer>getAs("bootstrap"), r.<Long>getAs("sentences"),
                    r.<Long>getAs("scored"), r.<Long>getAs("rejected"), r.getAs("notes")));
        }
        return out;
    }

    private List<BiasResults.SummaryRow> summary() {
        List<BiasResults.SummaryRow> out = new ArrayList<>();
        for (Row r : spark.sql(LATEST + "SELECT s.run_id, s.model, s.revision, s.dataset, grp, metric, attention,"
                + " estimate, ci_low, ci_high, n, p_value FROM bias_summary s JOIN latest l ON s.model = l.model AND"
                + " s.revision = l.revision AND s.dataset = l.dataset AND s.run_id = l.run_id"
                + " ORDER BY s.model, s.revision, s.dataset, grp, attention, metric").collectAsList()) {
            out.add(new BiasResults.SummaryRow(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"),
                    r.getAs("dataset"), r.getAs("grp"), r.getAs("metric"), r.getAs("attention"), d(r, "estimate"),
                    d(r, "ci_low"), d(r, "ci_high"), r.<Integer>getAs("n"), d(r, "p_value")));
        }
        return out;
    }

    private List<BiasResults.HeadGrid> heads() {
        Map<List<String>, List<Row>> byGrid = new LinkedHashMap<>();
        for (Row r : spark.sql(LATEST + "SELECT h.run_id, h.model, h.revision, h.dataset, grp, metric, layer, head,"
                + " value, ci_low, ci_high, p_value, rank FROM bias_heads h JOIN latest l ON h.model = l.model AND"
                + " h.revision = l.revision AND h.dataset = l.dataset AND h.run_id = l.run_id"
                + " WHERE grp NOT LIKE 'type%' ORDER BY h.model, h.revision, h.dataset, grp, metric, layer, head")
                .collectAsList()) {
            byGrid.computeIfAbsent(List.of(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"),
                    r.getAs("dataset"), r.getAs("grp"), r.getAs("metric")), k -> new ArrayList<>()).add(r);
        }
        List<BiasResults.HeadGrid> out = new ArrayList<>();
        byGrid.forEach((k, rows) -> {
            int layers = 1 + rows.stream().mapToInt(r -> r.<Integer>getAs("layer")).max().orElse(-1);
            int heads = 1 + rows.stream().mapToInt(r -> r.<Integer>getAs("head")).max().orElse(-1);
            double[][] values = new double[layers][heads];
            List<BiasResults.HeadValue> ranked = new ArrayList<>();
            for (Row r : rows) {
                int layer = r.getAs("layer");
                int head = r.getAs("head");
                values[layer][head] = d(r, "value");
                ranked.add(new BiasResults.HeadValue(layer, head, d(r, "value"), d(r, "ci_low"), d(r, "ci_high"),
                        d(r, "p_value"), r.<Integer>getAs("rank")));
            }
            ranked.sort(Comparator.comparingInt(BiasResults.HeadValue::rank));
            out.add(new BiasResults.HeadGrid(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), k.get(5), values,
                    ranked));
        });
        return out;
    }

    /** Per model and dataset, the pairs whose two sentences' head-averaged scores differ most. */
    private List<BiasResults.ExamplePair> examples() {
        List<Row> rows = spark.sql(LATEST + "SELECT a.run_id, a.model, a.revision, a.dataset, a.id, " + columns("a")
                + ", " + columns("b") + " FROM bias_sentences a JOIN bias_sentences b"
                + " ON a.run_id = b.run_id AND a.dataset = b.dataset AND a.id = b.id"
                + " JOIN latest l ON a.model = l.model AND a.revision = l.revision AND a.dataset = l.dataset"
                + " AND a.run_id = l.run_id"
                + " WHERE a.variant IN ('pro', 'male') AND b.variant IN ('anti', 'female')"
                + " AND a.error IS NULL AND b.error IS NULL ORDER BY a.model, a.dataset, a.seq").collectAsList();
        Map<List<String>, List<BiasResults.ExamplePair>> byDataset = new LinkedHashMap<>();
        for (Row r : rows) {
            byDataset.computeIfAbsent(List.of(r.getAs("model"), r.getAs("dataset")), k -> new ArrayList<>())
                    .add(new BiasResults.ExamplePair(r.getAs("run_id"), r.getAs("model"), r.getAs("revision"),
                            r.getAs("dataset"), r.getAs("id"), side(r, "a"), side(r, "b")));
        }
        List<BiasResults.ExamplePair> out = new ArrayList<>();
        for (List<BiasResults.ExamplePair> pairs : byDataset.values()) {
            pairs.stream().sorted(Comparator.comparingDouble((BiasResults.ExamplePair p) ->
                            -Math.abs(p.first().score() - p.second().score())))
                    .limit(EXAMPLES).forEach(out::add);
        }
        return out;
    }

    /** The columns of one side {@code t} of a pair, named {@code t_COLUMN} and read back by {@link #side}. */
    private static String columns(String t) {
        return String.format("%1$s.variant AS %1$s_variant, substring(%1$s.text, %1$s.pronoun_start + 1, "
                + "%1$s.pronoun_end - %1$s.pronoun_start) AS %1$s_pronoun, %1$s.text AS %1$s_text, "
                + "%1$s.words AS %1$s_words, %1$s.pronoun_row AS %1$s_pronoun_row, %1$s.head_avg AS %1$s_head_avg", t);
    }

    private static BiasResults.Side side(Row r, String t) {
        String[] words = r.<String>getList(r.fieldIndex(t + "_words")).toArray(new String[0]);
        double[] row = r.<Double>getList(r.fieldIndex(t + "_pronoun_row")).stream().mapToDouble(Double::doubleValue)
                .toArray();
        return new BiasResults.Side(r.getAs(t + "_variant"), r.getAs(t + "_pronoun"), r.getAs(t + "_text"), words,
                row, d(r, t + "_head_avg"));
    }

    private static double d(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
