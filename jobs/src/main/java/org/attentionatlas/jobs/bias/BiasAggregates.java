package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.bias.OccupationStat;
import org.attentionatlas.engine.bias.Bootstrap;
import org.attentionatlas.engine.bias.Correlation;
import org.attentionatlas.engine.bias.IntervalEstimate;
import org.attentionatlas.engine.bias.HeadBiasTable;
import org.attentionatlas.engine.bias.HeadSpanAttention;
import org.attentionatlas.engine.bias.OccupationAssociation;
import org.attentionatlas.engine.bias.PairedGap;
import org.attentionatlas.engine.bias.PermutationTest;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.BiasTables;
import org.attentionatlas.udfs.BiasSentence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The driver side of the bias job: from the collected per-sentence scores (in input order) the summary rows (means,
 * pro − anti gaps and fractions with bootstrap CIs; Spearman ρ with permutation p) and the per-head rows (with
 * ranks by |value|), with the engine's statistics. Sentences whose scoring failed become rejects, with their partner.
 */
public final class BiasAggregates {

    /** One scored sentence, as read back from a {@link BiasSentence#SCORED} row. */
    record Scored(String dataset, String id, String variant, String group, String occupation, double[][] perHead,
                  double[] perLayer, double headAvg, double rollout, double[] mlm, String file, long line,
                  String error) {
    }

    private final String model;
    private final String revision;
    private final long seed;
    private final int resamples;
    private final int permutations;
    private final List<Row> summary = new ArrayList<>();
    private final List<Row> heads = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BiasAggregates(String model, String revision, long seed, int resamples, int permutations) {
        this.model = model;
        this.revision = revision;
        this.seed = seed;
        this.resamples = resamples;
        this.permutations = permutations;
    }

    public List<Row> summary() {
        return summary;
    }

    public List<Row> heads() {
        return heads;
    }

    public List<Reject> rejects() {
        return rejects;
    }

    public List<String> notes() {
        return notes;
    }

    /** Aggregates scored rows of every dataset; {@code stats} gives % female per dataset for the association. */
    public BiasAggregates compute(List<Row> scored, Map<String, Map<String, OccupationStat>> stats) {
        List<Scored> all = scored.stream().sorted(Comparator.comparingInt(r -> r.<Integer>getAs("seq")))
                .map(BiasAggregates::parse).toList();
        Map<String, List<Scored>> byDataset = new LinkedHashMap<>();
        all.forEach(s -> byDataset.computeIfAbsent(s.dataset(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<Scored>> e : byDataset.entrySet()) {
            if (e.getKey().equals("crows-pairs")) {
                crows(e.getKey(), e.getValue());
                continue;
            }
            Map<String, Scored[]> pairs = pairs(e.getValue(), e.getKey().equals("winobias") ? "pro" : "male");
            if (e.getKey().equals("winobias")) {
                coref(e.getKey(), pairs);
            } else {
                association(e.getKey(), pairs, stats.get(e.getKey()));
                fillMask(e.getKey(), pairs, stats.get(e.getKey()));
            }
        }
        return this;
    }

    /** Pairs by id in input order ([0] = pro or male); a pair with a failed sentence is rejected whole. */
    private Map<String, Scored[]> pairs(List<Scored> rows, String first) {
        Map<String, Scored[]> pairs = new LinkedHashMap<>();
        for (Scored s : rows) {
            pairs.computeIfAbsent(s.id(), k -> new Scored[2])[s.variant().equals(first) ? 0 : 1] = s;
        }
        Map<String, Scored[]> ok = new LinkedHashMap<>();
        pairs.forEach((id, p) -> {
            Scored bad = p[0] == null || p[0].error() != null ? p[0] : p[1] == null || p[1].error() != null ? p[1] : null;
            if (p[0] == null || p[1] == null || bad != null) {
                for (Scored s : p) {
                    if (s != null) {
                        rejects.add(new Reject(s.dataset(), s.file(), s.line(), "SPAN_NOT_LOCATED",
                                s.error() != null ? s.error() : "its " + (s == p[0] ? "second" : "first")
                                        + " sentence (pair " + id + ") could not be scored"));
                    }
                }
            } else {
                ok.put(id, p);
            }
        });
        return ok;
    }

    private void coref(String dataset, Map<String, Scored[]> pairs) {
        if (pairs.isEmpty()) {
            notes.add(dataset + ": no pair could be scored");
            return;
        }
        Map<String, List<Scored[]>> groups = new LinkedHashMap<>();
        groups.put("all", new ArrayList<>(pairs.values()));
        pairs.values().forEach(p -> groups.computeIfAbsent(p[0].group(), k -> new ArrayList<>()).add(p));
        for (Map.Entry<String, List<Scored[]>> g : groups.entrySet()) {
            List<Scored[]> ps = g.getValue();
            int layers = ps.get(0)[0].perLayer().length;
            corefSummary(dataset, g.getKey(), "head_avg", ps, Scored::headAvg);
            corefSummary(dataset, g.getKey(), "rollout", ps, Scored::rollout);
            corefSummary(dataset, g.getKey(), "last_layer", ps, s -> s.perLayer()[layers - 1]);
            IntervalEstimate[][] gaps = HeadBiasTable.pairedGaps(ps.stream().map(p -> p[0].perHead()).toList(),
                    ps.stream().map(p -> p[1].perHead()).toList(), resamples, seed);
            headRows(dataset, g.getKey(), "coref_gap", gaps, null);
        }
    }

    private void corefSummary(String dataset, String group, String attention, List<Scored[]> pairs,
                              ToDoubleFunction<Scored> f) {
        double[] pro = pairs.stream().mapToDouble(p -> f.applyAsDouble(p[0])).toArray();
        double[] anti = pairs.stream().mapToDouble(p -> f.applyAsDouble(p[1])).toArray();
        summaryRow(dataset, group, "share_pro", attention, Bootstrap.mean(finite(pro), resamples, seed), null);
        summaryRow(dataset, group, "share_anti", attention, Bootstrap.mean(finite(anti), resamples, seed), null);
        summaryRow(dataset, group, "coref_gap", attention, PairedGap.meanDifference(pro, anti, resamples, seed), null);
        summaryRow(dataset, group, "above_half_pro", attention, PairedGap.fractionAbove(pro, 0.5, resamples, seed), null);
        summaryRow(dataset, group, "above_half_anti", attention, PairedGap.fractionAbove(anti, 0.5, resamples, seed),
                null);
    }

    /** she − he attention to the occupation per pair; Spearman ρ against % female over occupations. */
    private void association(String dataset, Map<String, Scored[]> pairs, Map<String, OccupationStat> stats) {
        Map<String, List<Scored[]>> groups = new TreeMap<>();
        pairs.values().forEach(p -> groups.computeIfAbsent(p[0].group(), k -> new ArrayList<>()).add(p));
        if (groups.isEmpty()) {
            notes.add(dataset + ": no male/female pair could be scored");
        }
        for (Map.Entry<String, List<Scored[]>> g : groups.entrySet()) {
            List<double[][]> diffs = g.getValue().stream().map(p -> subtract(p[1].perHead(), p[0].perHead())).toList();
            double[] avg = diffs.stream().mapToDouble(HeadSpanAttention::mean).toArray();
            summaryRow(dataset, g.getKey(), "she_minus_he", "head_avg", Bootstrap.mean(avg, resamples, seed), null);
            headRows(dataset, g.getKey(), "she_minus_he", perHeadMeans(diffs), null);
            if (stats == null) {
                continue;
            }
            Map<String, List<double[][]>> byOccupation = new TreeMap<>();
            for (int i = 0; i < diffs.size(); i++) {
                byOccupation.computeIfAbsent(g.getValue().get(i)[0].occupation(), k -> new ArrayList<>())
                        .add(diffs.get(i));
            }
            List<String> occ = byOccupation.keySet().stream().filter(stats::containsKey).toList();
            if (occ.size() < 3) {
                notes.add(dataset + " " + g.getKey() + ": " + occ.size() + " occupations with % female statistics; "
                        + "association needs at least 3");
                continue;
            }
            double[][][] x = new double[occ.size()][][];
            double[] pct = new double[occ.size()];
            for (int o = 0; o < occ.size(); o++) {
                x[o] = average(byOccupation.get(occ.get(o)));
                pct[o] = stats.get(occ.get(o)).blsPctFemale();
            }
            Correlation rho = OccupationAssociation.headAveraged(x, pct, permutations, seed);
            summaryRow(dataset, g.getKey(), "association_rho", "head_avg",
                    new IntervalEstimate(rho.rho(), Double.NaN, Double.NaN, rho.n()), rho.pValue());
            Correlation[][] perHead = OccupationAssociation.perHead(x, pct, permutations, seed);
            IntervalEstimate[][] values = new IntervalEstimate[perHead.length][];
            double[][] p = new double[perHead.length][];
            for (int l = 0; l < perHead.length; l++) {
                values[l] = Arrays.stream(perHead[l]).map(c -> new IntervalEstimate(c.rho(), Double.NaN, Double.NaN, c.n()))
                        .toArray(IntervalEstimate[]::new);
                p[l] = Arrays.stream(perHead[l]).mapToDouble(Correlation::pValue).toArray();
            }
            headRows(dataset, g.getKey(), "association_rho", values, p);
        }
    }

    /** CrowS-Pairs: fraction of pairs whose more-stereotyping sentence scores higher, by PLL and by AULA. */
    private void crows(String dataset, List<Scored> rows) {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        groups.put("all", new ArrayList<>());
        for (Scored s : rows) {
            if (s.mlm() != null) {
                groups.get("all").add(s.mlm());
                groups.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s.mlm());
            }
        }
        for (Map.Entry<String, List<double[]>> g : groups.entrySet()) {
            double[] pll = g.getValue().stream().mapToDouble(m -> m[0] - m[1]).toArray();
            double[] aula = g.getValue().stream().mapToDouble(m -> m[2] - m[3]).toArray();
            summaryRow(dataset, g.getKey(), "pll_more_preferred", "mlm", PairedGap.fractionAbove(pll, 0, resamples,
                    seed), null);
            summaryRow(dataset, g.getKey(), "aula_more_preferred", "mlm", PairedGap.fractionAbove(aula, 0, resamples,
                    seed), null);
        }
    }

    /** Fill-mask gap log P(male) − log P(female) of the male sentences: mean, and ρ per occupation vs % female. */
    private void fillMask(String dataset, Map<String, Scored[]> pairs, Map<String, OccupationStat> stats) {
        Map<String, List<Scored>> groups = new TreeMap<>();
        int missing = 0;
        for (Scored[] p : pairs.values()) {
            if (p[0].mlm() != null) {
                groups.computeIfAbsent(p[0].group(), k -> new ArrayList<>()).add(p[0]);
            } else {
                missing++;
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        if (missing > 0) {
            notes.add(dataset + ": fill-mask gap left out for " + missing + " male sentences (the pronoun is not one "
                    + "token, or he and she share a token id)");
        }
        for (Map.Entry<String, List<Scored>> g : groups.entrySet()) {
            double[] gaps = g.getValue().stream().mapToDouble(s -> s.mlm()[0]).toArray();
            summaryRow(dataset, g.getKey(), "fill_mask_gap", "mlm", Bootstrap.mean(gaps, resamples, seed), null);
            if (stats == null) {
                continue;
            }
            Map<String, List<Double>> byOccupation = new TreeMap<>();
            g.getValue().forEach(s -> byOccupation.computeIfAbsent(s.occupation(), k -> new ArrayList<>())
                    .add(s.mlm()[0]));
            List<String> occ = byOccupation.keySet().stream().filter(stats::containsKey).toList();
            if (occ.size() < 3) {
                continue;
            }
            double[] x = occ.stream().mapToDouble(o -> byOccupation.get(o).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN)).toArray();
            double[] pct = occ.stream().mapToDouble(o -> stats.get(o).blsPctFemale()).toArray();
            Correlation rho = PermutationTest.spearman(x, pct, permutations, seed);
            summaryRow(dataset, g.getKey(), "fill_mask_rho", "mlm", new IntervalEstimate(rho.rho(), Double.NaN, Double.NaN,
                    rho.n()), rho.pValue());
        }
    }

    private IntervalEstimate[][] perHeadMeans(List<double[][]> diffs) {
        int layers = diffs.get(0).length;
        IntervalEstimate[][] out = new IntervalEstimate[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = new IntervalEstimate[diffs.get(0)[l].length];
            for (int h = 0; h < out[l].length; h++) {
                int fl = l;
                int fh = h;
                out[l][h] = Bootstrap.mean(diffs.stream().mapToDouble(d -> d[fl][fh]).toArray(), resamples, seed);
            }
        }
        return out;
    }

    private void headRows(String dataset, String group, String metric, IntervalEstimate[][] values, double[][] p) {
        List<HeadBiasTable.HeadValue> ranked = HeadBiasTable.top(HeadBiasTable.values(values), Integer.MAX_VALUE);
        for (int r = 0; r < ranked.size(); r++) {
            HeadBiasTable.HeadValue v = ranked.get(r);
            IntervalEstimate e = values[v.layer()][v.head()];
            heads.add(TableRow.of(BiasTables.HEADS).set("model", model).set("revision", revision)
                    .set("dataset", dataset).set("grp", group).set("metric", metric).set("layer", v.layer())
                    .set("head", v.head()).set("value", e.value()).set("ci_low", nan(e.lower()))
                    .set("ci_high", nan(e.upper())).set("p_value", p == null ? null : p[v.layer()][v.head()])
                    .set("n", e.n()).set("rank", r + 1).row());
        }
    }

    private void summaryRow(String dataset, String group, String metric, String attention, IntervalEstimate e, Double p) {
        summary.add(TableRow.of(BiasTables.SUMMARY).set("model", model).set("revision", revision)
                .set("dataset", dataset).set("grp", group).set("metric", metric).set("attention", attention)
                .set("estimate", e.value()).set("ci_low", nan(e.lower())).set("ci_high", nan(e.upper()))
                .set("n", e.n()).set("p_value", p).row());
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
    }

    static Scored parse(Row r) {
        String error = r.getAs("error");
        double[][] perHead = null;
        double[] perLayer = null;
        if (error == null && !BiasSentence.CROWS.equals(r.getAs("kind"))) {
            int layers = r.<Integer>getAs("layers");
            int heads = r.<Integer>getAs("heads");
            List<Double> flat = r.getList(r.fieldIndex("per_head"));
            perHead = new double[layers][heads];
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    perHead[l][h] = flat.get(l * heads + h);
                }
            }
            perLayer = r.<Double>getList(r.fieldIndex("per_layer")).stream().mapToDouble(Double::doubleValue).toArray();
        }
        List<Double> mlm = r.isNullAt(r.fieldIndex("mlm")) ? null : r.getList(r.fieldIndex("mlm"));
        Object rollout = r.getAs("rollout");
        Object headAvg = r.getAs("head_avg");
        return new Scored(r.getAs("dataset"), r.getAs("id"), r.getAs("variant"), r.getAs("grp"), r.getAs("occupation"),
                perHead, perLayer, headAvg == null ? Double.NaN : (Double) headAvg,
                rollout == null ? Double.NaN : (Double) rollout,
                mlm == null ? null : mlm.stream().mapToDouble(Double::doubleValue).toArray(), r.getAs("file"),
                r.<Long>getAs("line"), error);
    }

    private static double[][] subtract(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            out[l] = new double[a[l].length];
            for (int h = 0; h < a[l].length; h++) {
                out[l][h] = a[l][h] - b[l][h];
            }
        }
        return out;
    }

    private static double[][] average(List<double[][]> xs) {
        double[][] out = new double[xs.get(0).length][xs.get(0)[0].length];
        for (double[][] x : xs) {
            for (int l = 0; l < out.length; l++) {
                for (int h = 0; h < out[l].length; h++) {
                    out[l][h] += x[l][h] / xs.size();
                }
            }
        }
        return out;
    }
}
