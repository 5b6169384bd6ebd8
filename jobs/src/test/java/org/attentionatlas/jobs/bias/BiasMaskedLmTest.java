package org.attentionatlas.jobs.bias;

import ai.djl.Device;
import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.bias.CrowsPair;
import org.attentionatlas.datasets.bias.CrowsPairsReader;
import org.attentionatlas.datasets.bias.Gender;
import org.attentionatlas.datasets.bias.WinoGenderData;
import org.attentionatlas.datasets.bias.WinoGenderReader;
import org.attentionatlas.datasets.bias.WinoGenderSentence;
import org.attentionatlas.engine.bias.Bootstrap;
import org.attentionatlas.engine.bias.CrowsPairsScoring;
import org.attentionatlas.engine.bias.IntervalEstimate;
import org.attentionatlas.engine.bias.FillMaskGap;
import org.attentionatlas.engine.bias.MaskedLmScorer;
import org.attentionatlas.engine.bias.PairScores;
import org.attentionatlas.engine.bias.PairedGap;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masked-LM metrics in the job, with bert-base-uncased on a few real WinoGender templates and CrowS-Pairs pairs: the
 * fill-mask gap and the CrowS-Pairs PLL/AULA preferences equal the engine's, computed directly.
 */
class BiasMaskedLmTest {

    private static final int RESAMPLES = 200;
    private static final long SEED = 11;

    @TempDir
    Path dir;

    @Test
    void fillMaskGapAndCrowsPairsEqualTheEngine() throws Exception {
        Path wg = Files.createDirectories(dir.resolve("in/winogender"));
        List<String> sentences = Files.readAllLines(Fixtures.dataset("winogender").resolve("all_sentences.tsv"));
        Files.write(wg.resolve("all_sentences.tsv"), sentences.subList(0, 13), StandardCharsets.UTF_8);
        Files.copy(Fixtures.dataset("winogender").resolve("occupations-stats.tsv"), wg.resolve("occupations-stats.tsv"));
        Path cp = Files.createDirectories(dir.resolve("in/crows_pairs"));
        List<String> csv = Files.readAllLines(Fixtures.dataset("crows_pairs").resolve("crows_pairs_anonymized.csv"));
        Files.write(cp.resolve("crows_pairs_anonymized.csv"), csv.subList(0, 5), StandardCharsets.UTF_8);

        Path out = dir.resolve("results");
        BiasRunSummary s = new BiasJob(SharedSpark.get(), BiasCommand.config("--model", "bert-base-uncased",
                "--dataset", "winogender,crows-pairs", "--input", dir.resolve("in").toString(), "--output",
                out.toString(), "--bootstrap", Integer.toString(RESAMPLES), "--seed", Long.toString(SEED),
                "--permutations", "100"), new PrintStream(PrintStream.nullOutputStream())).run();
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("fill-mask gap and CrowS-Pairs")), s.describe());

        WinoGenderData data = WinoGenderReader.read(wg);
        List<CrowsPair> pairs = CrowsPairsReader.read(cp).pairs();
        assertEquals(4, pairs.size());
        List<Double> gaps = new ArrayList<>();
        double[] pll = new double[pairs.size()];
        double[] aula = new double[pairs.size()];
        try (LoadedModel model = ModelLoader.withDefaultStore().load("bert-base-uncased", Device.cpu())) {
            MaskedLmScorer scorer = MaskedLmScorer.of(model);
            Set<String> female = new HashSet<>();
            data.sentences().stream().filter(x -> x.gender() == Gender.FEMALE).forEach(x -> female.add(x.templateKey()));
            for (WinoGenderSentence x : data.sentences()) {
                if (x.gender() == Gender.MALE && female.contains(x.templateKey())) {
                    int male = model.tokenizer().id(x.pronoun().toLowerCase(Locale.ROOT));
                    int fem = model.tokenizer().id(FillMaskGap.femaleForm(x.pronoun()));
                    gaps.add(FillMaskGap.gap(scorer, model.encode(x.text()), x.pronounSpan(), male, fem));
                }
            }
            for (int i = 0; i < pairs.size(); i++) {
                PairScores p = CrowsPairsScoring.score(scorer, model.encode(pairs.get(i).sentMore()),
                        model.encode(pairs.get(i).sentLess()));
                pll[i] = p.pllDifference();
                aula[i] = p.aulaDifference();
            }
        }
        assertTrue(gaps.size() >= 2, "male sentences: " + gaps.size());
        assertClose(Bootstrap.mean(gaps.stream().mapToDouble(Double::doubleValue).toArray(), RESAMPLES, SEED),
                row(out, "winogender", "en", "fill_mask_gap"), 1e-3);
        assertClose(PairedGap.fractionAbove(pll, 0, RESAMPLES, SEED), row(out, "crows-pairs", "all",
                "pll_more_preferred"), 1e-9);
        assertClose(PairedGap.fractionAbove(aula, 0, RESAMPLES, SEED), row(out, "crows-pairs", "all",
                "aula_more_preferred"), 1e-9);
    }

    private static IntervalEstimate row(Path out, String dataset, String group, String metric) {
        SqlCommand.registerViews(SharedSpark.get(), out.toString());
        Row r = SharedSpark.get().sql("SELECT estimate, ci_low, ci_high, n FROM bias_summary WHERE dataset = '"
                + dataset + "' AND grp = '" + group + "' AND metric = '" + metric + "'").first();
        return new IntervalEstimate(r.getDouble(0), r.getDouble(1), r.getDouble(2), r.getInt(3));
    }

    private static void assertClose(IntervalEstimate expected, IntervalEstimate actual, double eps) {
        assertEquals(expected.n(), actual.n(), "n");
        assertEquals(expected.value(), actual.value(), eps, "estimate");
        assertEquals(expected.lower(), actual.lower(), eps, "ci_low");
        assertEquals(expected.upper(), actual.upper(), eps, "ci_high");
    }
}
