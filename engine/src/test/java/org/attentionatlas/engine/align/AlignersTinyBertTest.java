package org.attentionatlas.engine.align;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;
import org.attentionatlas.engine.model.Transformers;
import org.attentionatlas.engine.weights.HostTensor;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.engine.weights.WeightMap;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both aligner families on the tiny random BERT of fixtures/golden/tiny (2 layers × 4 heads, no vocabulary: ids by
 * hand) against links computed here in plain Java from raw captures of single, unpadded forward passes, while the
 * aligners run two pairs as one padded batch on the device.
 */
class AlignersTinyBertTest {

    private static final int CLS = 1;
    private static final int SEP = 2;
    private static Transformer model;
    private static WeightMap weights;

    // source words: [10 11] [12] [13 14 15]; target words: [20] [21 22] [23] [24]
    private static final WordTokens SRC1 = tokens(new int[][] {{10, 11}, {12}, {13, 14, 15}});
    private static final WordTokens TGT1 = tokens(new int[][] {{20}, {21, 22}, {23}, {24}});
    private static final WordTokens SRC2 = tokens(new int[][] {{30}, {31, 32}});
    private static final WordTokens TGT2 = tokens(new int[][] {{40, 41}, {42}, {43}, {44, 45}, {46}});

    @BeforeAll
    static void load() {
        Path dir = Fixtures.tinyModel("tiny-bert");
        weights = SafetensorsReader.readDirectory(dir);
        model = Transformers.create(HfConfigReader.read(dir.resolve("config.json")), weights, Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static WordTokens tokens(int[][] words) {
        int n = 2;
        for (int[] w : words) {
            n += w.length;
        }
        int[] ids = new int[n];
        int[] wordOf = new int[n];
        ids[0] = CLS;
        wordOf[0] = -1;
        int k = 1;
        for (int w = 0; w < words.length; w++) {
            for (int id : words[w]) {
                ids[k] = id;
                wordOf[k++] = w;
            }
        }
        ids[k] = SEP;
        wordOf[k] = -1;
        return new WordTokens(ids, wordOf, words.length);
    }

    private static PairAligner.Result alignBoth() {
        return new PairAligner(model, 2).align(List.of(TokenizedPair.of(SRC1, TGT1), TokenizedPair.of(SRC2, TGT2)));
    }

    @Test
    void similarityMatchesPlainJava() {
        PairAligner.Result r = alignBoth();
        AlignGrid grid = new AlignGrid(2, 4);
        int nonEmpty = 0;
        WordTokens[][] pairs = {{SRC1, TGT1}, {SRC2, TGT2}};
        for (int p = 0; p < 2; p++) {
            float[][][] hs = hidden(pairs[p][0]);
            float[][][] ht = hidden(pairs[p][1]);
            for (int layer = 0; layer <= 2; layer++) {
                Set<Link>[] expected = similarity(hs[layer], ht[layer], pairs[p][0], pairs[p][1]);
                assertEquals(expected[0], r.links().get(p).get(grid.index(new AlignKey(AlignMethod.SOFTMAX, layer, -1))),
                        "softmax, pair " + p + ", layer " + layer);
                assertEquals(expected[1], r.links().get(p).get(grid.index(new AlignKey(AlignMethod.ARGMAX, layer, -1))),
                        "argmax, pair " + p + ", layer " + layer);
                nonEmpty += expected[0].isEmpty() ? 0 : 1;
            }
        }
        assertEquals(6, nonEmpty, "every layer aligns something");
    }

    @Test
    void attentionMatchesPlainJava() {
        PairAligner.Result r = alignBoth();
        AlignGrid grid = new AlignGrid(2, 4);
        WordTokens[][] pairs = {{SRC1, TGT1}, {SRC2, TGT2}};
        for (int p = 0; p < 2; p++) {
            PairSequence joined = PairSequence.of(pairs[p][0], pairs[p][1]);
            float[][][][] a = pattern(joined);
            for (int layer = 0; layer < 2; layer++) {
                double[][] mean = new double[joined.units()][joined.units()];
                for (int h = 0; h < 4; h++) {
                    double[][] w = wordLevel(a[layer][h], joined);
                    for (int i = 0; i < w.length; i++) {
                        for (int j = 0; j < w.length; j++) {
                            mean[i][j] += w[i][j] / 4;
                        }
                    }
                    assertEquals(mutual(w, joined.srcWords()),
                            r.links().get(p).get(grid.index(new AlignKey(AlignMethod.HEAD, layer, h))),
                            "head " + layer + "." + h + ", pair " + p);
                }
                Set<Link> expected = mutual(mean, joined.srcWords());
                assertTrue(!expected.isEmpty());
                assertEquals(expected, r.links().get(p).get(grid.index(new AlignKey(AlignMethod.ATTENTION_MEAN, layer, -1))),
                        "attention-mean layer " + layer + ", pair " + p);
            }
        }
    }

    @Test
    void embeddingsAreBlock0ResidPreWithTokenTypes() {
        PairSequence joined = PairSequence.of(SRC2, TGT2);
        float[][] got;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.RESID_PRE));
            model.forward(m, PaddedBatch.withTypes(m, List.of(joined.ids()), List.of(joined.types()), 0), hooks);
            got = rows(cap.get("blocks.0.hook_resid_pre").toFloatArray(), joined.length(), 32);
        }
        HostTensor word = weights.get("bert.embeddings.word_embeddings.weight");
        HostTensor pos = weights.get("bert.embeddings.position_embeddings.weight");
        HostTensor type = weights.get("bert.embeddings.token_type_embeddings.weight");
        HostTensor g = weights.get("bert.embeddings.LayerNorm.weight");
        HostTensor b = weights.get("bert.embeddings.LayerNorm.bias");
        for (int t = 0; t < joined.length(); t++) {
            double[] x = new double[32];
            for (int d = 0; d < 32; d++) {
                x[d] = word.data()[joined.ids()[t] * 32 + d] + pos.data()[t * 32 + d] + type.data()[joined.types()[t] * 32 + d];
            }
            double mu = 0;
            for (double v : x) {
                mu += v / 32;
            }
            double var = 0;
            for (double v : x) {
                var += (v - mu) * (v - mu) / 32;
            }
            for (int d = 0; d < 32; d++) {
                double expected = (x[d] - mu) / Math.sqrt(var + 1e-12) * g.data()[d] + b.data()[d];
                assertEquals(expected, got[t][d], 1e-4, "token " + t + " dim " + d);
            }
        }
    }

    /** [layer 0..2][token][dim] of one sentence run alone: embeddings, then each block's output. */
    private static float[][][] hidden(WordTokens s) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.RESID_PRE, HookKind.RESID_POST));
            model.forward(m, PaddedBatch.of(m, List.of(s.ids()), 0), hooks);
            int n = s.length();
            return new float[][][] {rows(cap.get("blocks.0.hook_resid_pre").toFloatArray(), n, 32),
                    rows(cap.get("blocks.0.hook_resid_post").toFloatArray(), n, 32),
                    rows(cap.get("blocks.1.hook_resid_post").toFloatArray(), n, 32)};
        }
    }

    /** [layer][head][query][key] of the joined pair run alone with its token types. */
    private static float[][][][] pattern(PairSequence p) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
            model.forward(m, PaddedBatch.withTypes(m, List.of(p.ids()), List.of(p.types()), 0), hooks);
            int n = p.length();
            float[][][][] out = new float[2][4][][];
            for (int l = 0; l < 2; l++) {
                float[] flat = cap.get("blocks." + l + ".attn.hook_pattern").toFloatArray();
                for (int h = 0; h < 4; h++) {
                    out[l][h] = new float[n][n];
                    for (int q = 0; q < n; q++) {
                        System.arraycopy(flat, (h * n + q) * n, out[l][h][q], 0, n);
                    }
                }
            }
            return out;
        }
    }

    private static float[][] rows(float[] flat, int n, int d) {
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    /** awesome-align's softmax rule and SimAlign's mutual argmax over subwords, [CLS]/[SEP] dropped. */
    @SuppressWarnings("unchecked")
    private static Set<Link>[] similarity(float[][] hs, float[][] ht, WordTokens src, WordTokens tgt) {
        int m = src.length() - 2;
        int n = tgt.length() - 2;
        double[][] s = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int d = 0; d < 32; d++) {
                    s[i][j] += (double) hs[i + 1][d] * ht[j + 1][d];
                }
            }
        }
        Set<Link> soft = new TreeSet<>();
        Set<Link> arg = new TreeSet<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double rowSum = 0;
                double colSum = 0;
                boolean rowMax = true;
                boolean colMax = true;
                for (int k = 0; k < n; k++) {
                    rowSum += Math.exp(s[i][k] - s[i][j]);
                    rowMax &= s[i][k] <= s[i][j];
                }
                for (int k = 0; k < m; k++) {
                    colSum += Math.exp(s[k][j] - s[i][j]);
                    colMax &= s[k][j] <= s[i][j];
                }
                Link w = new Link(src.wordOfToken()[i + 1], tgt.wordOfToken()[j + 1]);
                if (1 / rowSum > 1e-3 && 1 / colSum > 1e-3) {
                    soft.add(w);
                }
                if (rowMax && colMax) {
                    arg.add(w);
                }
            }
        }
        return new Set[] {soft, arg};
    }

    /** Word-level attention over the words of both sides: query rows averaged over subwords, key columns summed. */
    private static double[][] wordLevel(float[][] a, PairSequence p) {
        int u = p.units();
        int[] unit = p.unitOfToken();
        int[] count = new int[u];
        for (int x : unit) {
            if (x >= 0) {
                count[x]++;
            }
        }
        double[][] w = new double[u][u];
        for (int q = 0; q < a.length; q++) {
            for (int k = 0; k < a.length; k++) {
                if (unit[q] >= 0 && unit[k] >= 0) {
                    w[unit[q]][unit[k]] += a[q][k] / count[unit[q]];
                }
            }
        }
        return w;
    }

    private static Set<Link> mutual(double[][] w, int ms) {
        int u = w.length;
        Set<Link> out = new TreeSet<>();
        for (int i = 0; i < ms; i++) {
            int best = ms;
            for (int j = ms; j < u; j++) {
                if (w[i][j] > w[i][best]) {
                    best = j;
                }
            }
            int back = 0;
            for (int k = 0; k < ms; k++) {
                if (w[best][k] > w[best][back]) {
                    back = k;
                }
            }
            if (back == i) {
                out.add(new Link(i, best - ms));
            }
        }
        return out;
    }
}
