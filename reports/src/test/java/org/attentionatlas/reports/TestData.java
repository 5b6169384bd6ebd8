package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.RunInfo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small, deterministic audit results: 3 layers × 4 heads, two languages, one sampled document. */
public final class TestData {

    public static final int LAYERS = 3;
    public static final int HEADS = 4;

    private TestData() {
    }

    public static HeadGroup group(String revision, String language, long seed) {
        Random rnd = new Random(seed);
        Map<HeadStat, double[][]> stats = new EnumMap<>(HeadStat.class);
        for (HeadStat s : HeadStat.values()) {
            double[][] v = new double[LAYERS][HEADS];
            for (double[] row : v) {
                for (int h = 0; h < HEADS; h++) {
                    row[h] = s == HeadStat.ENTROPY || s == HeadStat.DISTANCE ? 4 * rnd.nextDouble() : rnd.nextDouble();
                }
            }
            stats.put(s, v);
        }
        double[][][] hist = new double[LAYERS][HEADS][OffsetBuckets.count()];
        String[][] roles = new String[LAYERS][HEADS];
        for (int l = 0; l < LAYERS; l++) {
            for (int h = 0; h < HEADS; h++) {
                double sum = 0;
                for (int b = 0; b < OffsetBuckets.count(); b++) {
                    int d = Math.abs(b - OffsetBuckets.ZERO);
                    hist[l][h][b] = b == 0 ? 0 : Math.pow(1 + d, -1.0 - 0.3 * l) * (0.5 + rnd.nextDouble());
                    sum += hist[l][h][b];
                }
                for (int b = 0; b < OffsetBuckets.count(); b++) {
                    hist[l][h][b] /= sum;
                }
                roles[l][h] = List.of("broad", "previous-token", "mixed", "special-token", "self").get((l + h) % 5);
            }
        }
        return new HeadGroup("tiny-bert", revision, "wiki <test>", language, LAYERS, HEADS, stats, hist, roles, 1000, 40);
    }

    public static AttentionSample sample(String runId) {
        String[] tokens = {"[CLS]", "Tom", "&", "Jer", "##ry", "\"quoted\"", "<b>", "[SEP]"};
        int n = tokens.length;
        Random rnd = new Random(3);
        float[][][][] a = new float[LAYERS][HEADS][n][n];
        for (float[][][] layer : a) {
            for (float[][] head : layer) {
                for (float[] row : head) {
                    float sum = 0;
                    for (int k = 0; k < n; k++) {
                        row[k] = (float) Math.exp(2 * rnd.nextGaussian());
                        sum += row[k];
                    }
                    for (int k = 0; k < n; k++) {
                        row[k] /= sum;
                    }
                }
            }
        }
        return new AttentionSample("doc-1", "en", "tiny-bert", "r1", runId, tokens, a);
    }

    public static AuditResults results(String source, String revision, long seed) {
        return new AuditResults(source,
                List.of(new RunInfo("run-" + revision, "tiny-bert", revision, "wiki <test>", "2026-11-25T10:00:00Z",
                        "{\"batch\": 8}")),
                List.of(group(revision, "en", seed), group(revision, "de", seed + 1)),
                List.of(sample("run-" + revision)));
    }
}
