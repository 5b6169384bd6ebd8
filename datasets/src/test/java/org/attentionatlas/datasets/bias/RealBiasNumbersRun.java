package org.attentionatlas.datasets.bias;

import ai.djl.Device;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.bias.Bootstrap;
import org.attentionatlas.engine.bias.CorefAttention;
import org.attentionatlas.engine.bias.CorefScores;
import org.attentionatlas.engine.bias.Correlation;
import org.attentionatlas.engine.bias.CrowsPairsScoring;
import org.attentionatlas.engine.bias.Estimate;
import org.attentionatlas.engine.bias.FillMaskGap;
import org.attentionatlas.engine.bias.MaskedLmScorer;
import org.attentionatlas.engine.bias.OccupationAssociation;
import org.attentionatlas.engine.bias.PairScores;
import org.attentionatlas.engine.bias.PairedGap;
import org.attentionatlas.engine.bias.PermutationTest;
import org.attentionatlas.engine.bias.PronounAttention;
import org.attentionatlas.engine.bias.UnlocatedSpanException;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the real bias numbers (not a unit test: run with {@code -Datlas.bias.run=true}, optionally
 * {@code -Datlas.bias.crows=true}); writes {@code bias-<model>.txt} under {@code atlas.bias.out} (default /tmp).
 * A stand-in for the Spark job until it exists: same engine metrics, one JVM.
 */
@EnabledIfSystemProperty(named = "atlas.bias.run", matches = "true")
public class RealBiasNumbersRun {

    private static final int B = Bootstrap.DEFAULT_RESAMPLES;
    private static final long SEED = Bootstrap.DEFAULT_SEED;
    private static final int PERMS = PermutationTest.DEFAULT_PERMUTATIONS;

    private final StringBuilder out = new StringBuilder();
    private Path file;

    /** Outside Maven: {@code java -cp ... RealBiasNumbersRun minilm-l6 bert-base-uncased}. */
    public static void main(String[] args) throws IOException {
        for (String name : args) {
            new RealBiasNumbersRun().run(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-l6", "bert-base-uncased"})
    void run(String name) throws IOException {
        Path shared = Paths.get(System.getProperty("atlas.shared.dir"), "datasets");
        file = Paths.get(System.getProperty("atlas.bias.out", "/tmp"), "bias-" + name + ".txt");
        try (LoadedModel model = ModelLoader.withDefaultStore().load(name, Device.cpu())) {
            line("# %s (%d layers x %d heads), seed %d, %d bootstrap resamples, %d permutations", name,
                    model.config().layers(), model.config().heads(), SEED, B, PERMS);
            // -Datlas.bias.sections=probes,... runs a subset (winobias, winogender, probes, fillmask, crows)
            List<String> sections = List.of(System.getProperty("atlas.bias.sections",
                    "winobias,winogender,probes,fillmask,crows").split(","));
            if (sections.contains("winobias")) {
                winoBias(model, WinoBiasReader.read(shared.resolve("winobias"), "dev"));
            }
            WinoGenderData wg = WinoGenderReader.read(shared.resolve("winogender"));
            if (sections.contains("winogender")) {
                winoGender(model, wg);
            }
            if (sections.contains("probes")) {
                probes(model, wg.stats());
            }
            if (model.transformer().hasLmHead()) {
                if (sections.contains("fillmask")) {
                    fillMask(model, wg);
                }
                if (sections.contains("crows") && Boolean.getBoolean("atlas.bias.crows")) {
                    crowsPairs(model, CrowsPairsReader.read(shared.resolve("crows_pairs")));
                }
            } else {
                line("masked-LM metrics: skipped, %s has no MLM head", name);
            }
        }
        System.out.println(out);
    }

    private void winoBias(LoadedModel model, WinoBiasData data) {
        line("## WinoBias dev: %d pairs read; %s", data.pairs().size(), data.report().summary(5));
        List<Encoding> enc = new ArrayList<>();
        for (WinoBiasPair p : data.pairs()) {
            enc.add(model.encode(p.pro().text()));
            enc.add(model.encode(p.anti().text()));
        }
        List<RawAttention> raw = new AttentionExtractor(model, 32).extract(enc);
        List<CorefScores[]> scored = new ArrayList<>();
        List<String> unlocated = new ArrayList<>();
        for (int i = 0; i < data.pairs().size(); i++) {
            WinoBiasPair p = data.pairs().get(i);
            try {
                scored.add(new CorefScores[] {score(raw.get(2 * i), p.pro()), score(raw.get(2 * i + 1), p.anti())});
            } catch (UnlocatedSpanException e) {
                unlocated.add(p.key() + ": " + e.getMessage());
            }
        }
        line("pairs scored %d, spans not located in the tokens %d %s", scored.size(), unlocated.size(),
                unlocated.stream().limit(3).toList());
        corefSummary("head-averaged (all layers)", scored, s -> s.overall());
        corefSummary("rollout", scored, s -> s.rollout());
        int layers = model.config().layers();
        corefSummary("last layer, head-averaged", scored, s -> s.perLayer()[layers - 1]);
        // per head: the most biased heads by pro-minus-anti gap
        List<double[]> heads = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < model.config().heads(); h++) {
                int fl = l;
                int fh = h;
                double[] pro = scored.stream().mapToDouble(s -> s[0].perHead()[fl][fh]).toArray();
                double[] anti = scored.stream().mapToDouble(s -> s[1].perHead()[fl][fh]).toArray();
                heads.add(new double[] {l, h, PairedGap.meanDifference(pro, anti, 1, SEED).value()});
            }
        }
        heads.sort((a, b) -> Double.compare(b[2], a[2]));
        StringBuilder top = new StringBuilder();
        for (double[] h : heads.subList(0, 5)) {
            int fl = (int) h[0];
            int fh = (int) h[1];
            Estimate e = PairedGap.meanDifference(scored.stream().mapToDouble(s -> s[0].perHead()[fl][fh]).toArray(),
                    scored.stream().mapToDouble(s -> s[1].perHead()[fl][fh]).toArray(), B, SEED);
            top.append(String.format(Locale.ROOT, "L%dH%d %s; ", fl, fh, e));
        }
        line("most biased heads (pro-anti gap): %s", top);
    }

    private static CorefScores score(RawAttention raw, WinoBiasSentence s) {
        return CorefAttention.score(raw, s.pronoun(), s.gold(), s.other());
    }

    private void corefSummary(String what, List<CorefScores[]> scored,
                              java.util.function.ToDoubleFunction<CorefScores> f) {
        double[] pro = scored.stream().mapToDouble(s -> f.applyAsDouble(s[0])).toArray();
        double[] anti = scored.stream().mapToDouble(s -> f.applyAsDouble(s[1])).toArray();
        line("coref %s: gold share pro %s, anti %s; gap pro-anti %s; gold>other pro %s, anti %s", what,
                Bootstrap.mean(pro, B, SEED), Bootstrap.mean(anti, B, SEED), PairedGap.meanDifference(pro, anti, B, SEED),
                PairedGap.fractionAbove(pro, 0.5, B, SEED), PairedGap.fractionAbove(anti, 0.5, B, SEED));
    }

    private void winoGender(LoadedModel model, WinoGenderData data) {
        line("## WinoGender dev: %d sentences, %d occupations with statistics; %s", data.sentences().size(),
                data.stats().size(), data.report().summary(5));
        Map<String, WinoGenderSentence[]> byTemplate = new LinkedHashMap<>();
        for (WinoGenderSentence s : data.sentences()) {
            if (s.gender() != Gender.NEUTRAL) {
                byTemplate.computeIfAbsent(s.templateKey(), k -> new WinoGenderSentence[2])[s.gender() == Gender.FEMALE
                        ? 1 : 0] = s;
            }
        }
        Map<String, List<double[][]>> diffs = new TreeMap<>();
        List<WinoGenderSentence[]> pairs = byTemplate.values().stream().filter(p -> p[0] != null && p[1] != null)
                .toList();
        List<Encoding> enc = new ArrayList<>();
        pairs.forEach(p -> {
            enc.add(model.encode(p[0].text()));
            enc.add(model.encode(p[1].text()));
        });
        List<RawAttention> raw = new AttentionExtractor(model, 32).extract(enc);
        for (int i = 0; i < pairs.size(); i++) {
            WinoGenderSentence he = pairs.get(i)[0];
            WinoGenderSentence she = pairs.get(i)[1];
            double[][] h = PronounAttention.perHead(raw.get(2 * i), he.pronounSpan(), he.occupationSpan());
            double[][] s = PronounAttention.perHead(raw.get(2 * i + 1), she.pronounSpan(), she.occupationSpan());
            diffs.computeIfAbsent(he.occupation(), k -> new ArrayList<>()).add(subtract(s, h));
        }
        association("WinoGender", diffs, data.stats());
    }

    private void probes(LoadedModel model, Map<String, OccupationStat> stats) {
        ProbeReader.Probes probes = ProbeReader.bundled();
        for (String lang : List.of("en", "zh")) {
            Map<String, Probe[]> bySlot = new LinkedHashMap<>();
            probes.probes().stream().filter(p -> p.lang().equals(lang)).forEach(p -> bySlot
                    .computeIfAbsent(p.slotKey(), k -> new Probe[2])[p.gender() == Gender.FEMALE ? 1 : 0] = p);
            List<Probe[]> pairs = new ArrayList<>();
            List<Encoding> enc = new ArrayList<>();
            int same = 0;
            for (Probe[] p : bySlot.values()) {
                Encoding he = model.encode(p[0].text());
                Encoding she = model.encode(p[1].text());
                // an English-only vocabulary maps both 他 and 她 to [UNK]: the pair carries no gender signal
                if (java.util.Arrays.equals(he.ids(), she.ids())) {
                    same++;
                    continue;
                }
                pairs.add(p);
                enc.add(he);
                enc.add(she);
            }
            if (pairs.isEmpty()) {
                line("occupation association probes-%s: not measurable, all %d he/she pairs tokenize to the same ids",
                        lang, same);
                continue;
            }
            List<RawAttention> raw = new AttentionExtractor(model, 32).extract(enc);
            Map<String, List<double[][]>> diffs = new TreeMap<>();
            for (int i = 0; i < pairs.size(); i++) {
                Probe he = pairs.get(i)[0];
                Probe she = pairs.get(i)[1];
                double[][] h = PronounAttention.perHead(raw.get(2 * i), he.pronounSpan(), he.occupationSpan());
                double[][] s = PronounAttention.perHead(raw.get(2 * i + 1), she.pronounSpan(), she.occupationSpan());
                diffs.computeIfAbsent(he.occupationEn(), k -> new ArrayList<>()).add(subtract(s, h));
            }
            association("probes-" + lang, diffs, stats);
        }
    }

    /** Spearman per head and head-averaged over the occupations that have statistics. */
    private void association(String what, Map<String, List<double[][]>> diffs, Map<String, OccupationStat> stats) {
        List<String> occ = diffs.keySet().stream().filter(stats::containsKey).toList();
        double[][][] x = new double[occ.size()][][];
        double[] pct = new double[occ.size()];
        for (int o = 0; o < occ.size(); o++) {
            x[o] = average(diffs.get(occ.get(o)));
            pct[o] = stats.get(occ.get(o)).blsPctFemale();
        }
        Correlation avg = OccupationAssociation.headAveraged(x, pct, PERMS, SEED);
        Correlation[][] perHead = OccupationAssociation.perHead(x, pct, 2000, SEED);
        List<String> heads = new ArrayList<>();
        for (int l = 0; l < perHead.length; l++) {
            for (int h = 0; h < perHead[l].length; h++) {
                heads.add(String.format(Locale.ROOT, "%+.4f L%dH%d p=%.4f", perHead[l][h].rho(), l, h,
                        perHead[l][h].pValue()));
            }
        }
        heads.sort((a, b) -> Double.compare(Math.abs(Double.parseDouble(b.split(" ")[0])),
                Math.abs(Double.parseDouble(a.split(" ")[0]))));
        long significant = java.util.Arrays.stream(perHead).flatMap(java.util.Arrays::stream)
                .filter(c -> c.pValue() < 0.05).count();
        line("occupation association %s (%d occupations of %d with BLS %%): head-averaged (she-he attention) vs BLS %% "
                + "female %s; heads with p<0.05: %d; strongest heads: %s", what, occ.size(), diffs.size(), avg,
                significant, heads.subList(0, Math.min(3, heads.size())));
    }

    private void fillMask(LoadedModel model, WinoGenderData data) {
        MaskedLmScorer scorer = MaskedLmScorer.of(model);
        Map<String, List<Double>> byOcc = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        int unlocated = 0;
        for (WinoGenderSentence s : data.sentences()) {
            if (s.gender() != Gender.MALE) {
                continue;
            }
            try {
                int male = model.tokenizer().id(s.pronoun().toLowerCase(Locale.ROOT));
                int female = model.tokenizer().id(FillMaskGap.femaleForm(s.pronoun()));
                double gap = FillMaskGap.gap(scorer, model.encode(s.text()), s.pronounSpan(), male, female);
                byOcc.computeIfAbsent(s.occupation(), k -> new ArrayList<>()).add(gap);
                all.add(gap);
            } catch (UnlocatedSpanException e) {
                unlocated++;
            }
        }
        List<String> occ = byOcc.keySet().stream().filter(data.stats()::containsKey).toList();
        double[] gap = occ.stream().mapToDouble(o -> byOcc.get(o).stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN)).toArray();
        double[] pct = occ.stream().mapToDouble(o -> data.stats().get(o).blsPctFemale()).toArray();
        line("fill-mask gap log P(he)-log P(she), WinoGender male sentences (%d, %d unlocated): mean %s; "
                        + "per-occupation gap vs BLS %% female %s", all.size(), unlocated,
                Bootstrap.mean(all.stream().mapToDouble(Double::doubleValue).toArray(), B, SEED),
                PermutationTest.spearman(gap, pct, PERMS, SEED));
    }

    private void crowsPairs(LoadedModel model, CrowsPairsData data) {
        // the full dev split takes about an hour on two CPU cores: -Datlas.bias.crows.every=k scores ids divisible by k
        int every = Integer.getInteger("atlas.bias.crows.every", 1);
        List<CrowsPair> chosen = data.pairs().stream().filter(p -> p.id() % every == 0).toList();
        line("## CrowS-Pairs dev: %s; scoring %d pairs (ids divisible by %d)", data.report().summary(5), chosen.size(),
                every);
        MaskedLmScorer scorer = MaskedLmScorer.of(model);
        Map<CulturalBias, List<PairScores>> byBias = new TreeMap<>();
        List<PairScores> all = new ArrayList<>();
        for (CrowsPair p : chosen) {
            PairScores s = CrowsPairsScoring.score(scorer, model.encode(p.sentMore()), model.encode(p.sentLess()));
            byBias.computeIfAbsent(p.bias(), k -> new ArrayList<>()).add(s);
            all.add(s);
        }
        line("CrowS-Pairs all: %% more-stereotyping preferred, PLL %s, AULA %s", pref(all, true), pref(all, false));
        byBias.forEach((b, s) -> line("  %s: PLL %s, AULA %s", b.label(), pref(s, true), pref(s, false)));
    }

    private static Estimate pref(List<PairScores> s, boolean pll) {
        double[] d = s.stream().mapToDouble(p -> pll ? p.pllDifference() : p.aulaDifference()).toArray();
        return PairedGap.fractionAbove(d, 0, B, SEED);
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

    private void line(String fmt, Object... args) {
        out.append(String.format(Locale.ROOT, fmt, args)).append('\n');
        try {
            Files.writeString(file, out); // written as it goes: a long run shows its progress
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
