package org.attentionatlas.engine.contrast;

import ai.djl.Device;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.testing.ReferenceHeadStats;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WinoBias pro/anti pair on minilm-l6: the changed word is the pronoun, and every divergence equals a plain-Java
 * recomputation from the raw pattern-hook captures (word units, row restriction, JS, rollout written out here).
 */
class ContrastWinoBiasTest {

    private static LoadedModel model;

    @BeforeAll
    static void load() {
        model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Line 1 of a WinoBias file without its id and brackets. */
    static String winoBias(String file) throws IOException {
        String line = Files.readAllLines(Fixtures.dataset("winobias").resolve(file), StandardCharsets.UTF_8).get(0);
        return line.substring(line.indexOf(' ') + 1).replace("[", "").replace("]", "");
    }

    @Test
    void proAntiPairMatchesAPlainRecomputation() throws IOException {
        String pro = winoBias("pro_stereotyped_type1.txt.dev");
        String anti = winoBias("anti_stereotyped_type1.txt.dev");
        assertEquals("The developer argued with the designer because he did not like the design.", pro);
        Contrast c = ContrastRunner.run(model, model, pro, anti, 5);

        Units ua = Units.of(c.a().encoding());
        Units ub = Units.of(c.b().encoding());
        int he = ua.labels.indexOf("he");
        assertEquals(he, ub.labels.indexOf("she"));
        assertArrayEquals(new int[] {he}, c.diff().changedA());
        assertArrayEquals(new int[] {he}, c.diff().changedB());
        assertEquals(ua.labels.size() - 1, c.diff().size());
        List<Integer> aligned = new ArrayList<>();
        for (int u = 0; u < ua.labels.size(); u++) {
            if (u != he) {
                aligned.add(u);
            }
        }
        for (int r = 0; r < aligned.size(); r++) {
            assertArrayEquals(new int[] {aligned.get(r), aligned.get(r)}, c.diff().aligned().get(r));
        }

        float[][][][] rawA = ReferenceHeadStats.rawAttention(model, c.a().encoding());
        float[][][][] rawB = ReferenceHeadStats.rawAttention(model, c.b().encoding());
        double max = 0;
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 12; h++) {
                double[][] wa = ua.words(toDouble(rawA[l][h]));
                double[][] wb = ub.words(toDouble(rawB[l][h]));
                assertEquals(meanJs(wa, wb, aligned), c.divergence()[l][h], 1e-5, "L" + l + " H" + h);
                double massA = 0;
                double massB = 0;
                for (int q : aligned) {
                    massA += wa[q][he] / aligned.size();
                    massB += wb[q][he] / aligned.size();
                }
                assertEquals(massA - massB, c.changedDelta(l, h), 1e-5);
                max = Math.max(max, c.divergence()[l][h]);
            }
        }
        assertEquals(max, c.topHeads().get(0).divergence(), 0);
        assertTrue(max > 1e-4, "he → she changes some head beyond float noise: " + max);

        double[][] rollA = identity(rawA[0][0].length);
        double[][] rollB = identity(rawB[0][0].length);
        for (int l = 0; l < 6; l++) {
            rollA = multiply(residual(headMean(rawA[l])), rollA);
            rollB = multiply(residual(headMean(rawB[l])), rollB);
            assertEquals(meanJs(ua.words(rollA), ub.words(rollB), aligned), c.rollout().divergence()[l], 1e-5,
                    "rollout layer " + l);
        }
    }

    /** Units as WordAttention defines them, written out: specials alone, a word's tokens together. */
    private record Units(List<String> labels, int[] unitOfToken) {

        static Units of(Encoding e) {
            List<String> labels = new ArrayList<>();
            int[] unit = new int[e.length()];
            int previousWord = -2;
            for (int t = 0; t < e.length(); t++) {
                int w = e.special()[t] ? -1 : e.wordIds()[t];
                if (w < 0 || w != previousWord) {
                    labels.add(w < 0 ? e.tokens()[t] : e.word(w));
                }
                previousWord = w;
                unit[t] = labels.size() - 1;
            }
            return new Units(labels, unit);
        }

        /** Row = mean of the unit's token rows, column = sum of its token columns. */
        double[][] words(double[][] tokens) {
            int u = labels.size();
            int[] size = new int[u];
            for (int x : unitOfToken) {
                size[x]++;
            }
            double[][] out = new double[u][u];
            for (int q = 0; q < tokens.length; q++) {
                for (int k = 0; k < tokens.length; k++) {
                    out[unitOfToken[q]][unitOfToken[k]] += tokens[q][k] / size[unitOfToken[q]];
                }
            }
            return out;
        }
    }

    private static double meanJs(double[][] wa, double[][] wb, List<Integer> aligned) {
        double sum = 0;
        for (int q : aligned) {
            double[] p = restrict(wa[q], aligned);
            double[] r = restrict(wb[q], aligned);
            for (int k = 0; k < p.length; k++) {
                double m = (p[k] + r[k]) / 2;
                sum += (p[k] > 0 ? 0.5 * p[k] * Math.log(p[k] / m) : 0) + (r[k] > 0 ? 0.5 * r[k] * Math.log(r[k] / m) : 0);
            }
        }
        return sum / aligned.size();
    }

    private static double[] restrict(double[] row, List<Integer> keys) {
        double[] out = new double[keys.size()];
        double total = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = row[keys.get(c)];
            total += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= total;
        }
        return out;
    }

    private static double[][] headMean(float[][][] layer) {
        int n = layer[0].length;
        double[][] out = new double[n][n];
        for (float[][] head : layer) {
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < n; k++) {
                    out[q][k] += head[q][k] / (double) layer.length;
                }
            }
        }
        return out;
    }

    private static double[][] residual(double[][] a) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int q = 0; q < n; q++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                out[q][k] = 0.5 * a[q][k] + (q == k ? 0.5 : 0);
                sum += out[q][k];
            }
            for (int k = 0; k < n; k++) {
                out[q][k] /= sum;
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    out[i][k] += a[i][j] * b[j][k];
                }
            }
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    private static double[][] toDouble(float[][] m) {
        double[][] out = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }
}
