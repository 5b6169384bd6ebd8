package org.attentionatlas.engine.bias;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.model.ForwardOutput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;
import org.attentionatlas.engine.model.Transformers;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.text.CharSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Masked-LM metrics on the tiny random BERT of fixtures/golden/tiny (no tokenizer: encodings are built from ids),
 * against a direct computation: mask one token, run a forward pass of that copy alone, take log-softmax at its id.
 */
class PllTinyBertTest {

    private static final int MASK = 4; // tiny-bert has no vocabulary: any id serves as the mask for the arithmetic
    private static final double TOL = 1e-4;
    private static Transformer model;

    @BeforeAll
    static void load() {
        Path dir = Fixtures.tinyModel("tiny-bert");
        model = Transformers.create(HfConfigReader.read(dir.resolve("config.json")), SafetensorsReader.readDirectory(dir),
                Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Encoding encoding(int... ids) {
        int n = ids.length;
        String[] tokens = new String[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] words = new int[n];
        boolean[] special = new boolean[n];
        for (int i = 0; i < n; i++) {
            special[i] = i == 0 || i == n - 1;
            tokens[i] = "t" + ids[i];
            starts[i] = special[i] ? 0 : 3 * (i - 1);
            ends[i] = special[i] ? 0 : 3 * (i - 1) + 2;
            words[i] = special[i] ? -1 : i - 1;
        }
        return new Encoding("x".repeat(3 * n), ids, tokens, starts, ends, words, special);
    }

    /** log P(ids[p] | ids with p masked), one unbatched forward pass per position. */
    static double direct(int[] ids, int p) {
        int[] copy = ids.clone();
        copy[p] = MASK;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ForwardOutput out = model.forward(m, PaddedBatch.of(m, List.of(copy), 0), Hooks.none());
            float[] logp = model.lmHead(out.hidden().get(new NDIndex("0, {}", p))).logSoftmax(-1).toFloatArray();
            return logp[ids[p]];
        }
    }

    @Test
    void batchedMaskedLogProbsEqualOneByOne() {
        int[] ids = {2, 10, 20, 30, 40, 50, 3};
        int[] positions = {1, 2, 3, 4, 5};
        double[] batched = new MaskedLmScorer(model, MASK).maskedLogProbs(ids, positions);
        double pll = 0;
        for (int i = 0; i < positions.length; i++) {
            double d = direct(ids, positions[i]);
            assertEquals(d, batched[i], TOL, "position " + positions[i]);
            pll += d;
        }
        assertEquals(pll, new MaskedLmScorer(model, MASK).pseudoLogLikelihood(ids, positions), TOL * 5);
    }

    @Test
    void sharedTokensFromTheDiff() {
        // substitution: positions 1, 3, 4 shared
        SharedTokens.Alignment s = SharedTokens.of(new int[] {2, 10, 20, 30, 40, 3}, flags(6),
                new int[] {2, 10, 25, 30, 40, 3}, flags(6));
        assertArrayEquals(new int[] {1, 3, 4}, s.a());
        assertArrayEquals(new int[] {1, 3, 4}, s.b());
        // a two-token group word against a one-token one: "t20 t21" vs "t25"
        s = SharedTokens.of(new int[] {2, 10, 20, 21, 30, 3}, flags(6), new int[] {2, 10, 25, 30, 3}, flags(5));
        assertArrayEquals(new int[] {1, 4}, s.a());
        assertArrayEquals(new int[] {1, 3}, s.b());
    }

    @Test
    void crowsPairsScoreIsThePllOfTheSharedTokens() {
        Encoding more = encoding(2, 10, 20, 21, 30, 40, 3);
        Encoding less = encoding(2, 10, 25, 30, 40, 3);
        PairScores s = CrowsPairsScoring.score(new MaskedLmScorer(model, MASK), more, less);
        assertEquals(3, s.sharedTokens());
        int[] a = more.ids();
        int[] b = less.ids();
        assertEquals(direct(a, 1) + direct(a, 4) + direct(a, 5), s.pllMore(), TOL);
        assertEquals(direct(b, 1) + direct(b, 3) + direct(b, 4), s.pllLess(), TOL);
    }

    @Test
    void aulaWeighsUnmaskedLogProbsByReceivedAttention() {
        int[] ids = {2, 10, 20, 30, 3};
        UnmaskedPass pass = new MaskedLmScorer(model, MASK).unmasked(ids);
        double[] lp = new double[ids.length];
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ForwardOutput out = model.forward(m, PaddedBatch.of(m, List.of(ids), 0), Hooks.none());
            float[] logp = model.lmHead(out.hidden().get(0)).logSoftmax(-1).toFloatArray();
            int vocab = logp.length / ids.length;
            for (int i = 0; i < ids.length; i++) {
                lp[i] = logp[i * vocab + ids[i]];
            }
        }
        assertArrayEquals(lp, pass.logProbs(), TOL);
        // each attention row sums to 1, so what the tokens receive, averaged over queries, sums to 1
        assertEquals(1.0, java.util.Arrays.stream(pass.received()).sum(), 1e-5);
        double expected = 0;
        for (int i = 1; i <= 3; i++) {
            expected += pass.received()[i] * lp[i];
        }
        assertEquals(expected / 3, Aula.score(pass, encoding(ids).special()), TOL);
    }

    @Test
    void fillMaskGapAtThePronounSlot() {
        Encoding e = encoding(2, 10, 20, 30, 3);
        CharSpan slot = new CharSpan(3, 5); // covers exactly token 2
        double gap = FillMaskGap.gap(new MaskedLmScorer(model, MASK), e, slot, 7, 8);
        int[] masked = e.ids().clone();
        masked[2] = MASK;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            ForwardOutput out = model.forward(m, PaddedBatch.of(m, List.of(masked), 0), Hooks.none());
            float[] logp = model.lmHead(out.hidden().get(new NDIndex("0, 2"))).logSoftmax(-1).toFloatArray();
            assertEquals(logp[7] - logp[8], gap, TOL);
        }
        assertThrows(UnlocatedSpanException.class,
                () -> FillMaskGap.gap(new MaskedLmScorer(model, MASK), e, new CharSpan(0, 5), 7, 8));
        assertEquals("she", FillMaskGap.femaleForm("He"));
        assertEquals("her", FillMaskGap.femaleForm("his"));
    }

    private static boolean[] flags(int n) {
        boolean[] f = new boolean[n];
        f[0] = true;
        f[n - 1] = true;
        return f;
    }
}
