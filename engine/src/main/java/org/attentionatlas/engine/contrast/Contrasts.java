package org.attentionatlas.engine.contrast;

import org.attentionatlas.engine.attention.AttentionFlow;
import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Compares two runs on their aligned words: per head, and per layer for rollout and flow. */
public final class Contrasts {

    /** Flow solves layers × tokens² maximum flows per side: only for short texts. */
    public static final int MAX_FLOW_TOKENS = 32;
    public static final int DEFAULT_TOP = 10;

    private Contrasts() {
    }

    /** Refuses a contrast of a run with itself: same model and same text. */
    public static void requireTwoRuns(String modelA, String modelB, String textA, String textB) {
        if ((modelB == null || modelB.equals(modelA)) && (textB == null || textB.equals(textA))) {
            throw new IllegalArgumentException("nothing to contrast: B has the model and the text of A; give B "
                    + "another model or another text");
        }
    }

    /** Refuses models of different shape: the comparison is head by head. */
    public static void requireSameShape(String modelA, int layersA, int headsA, String modelB, int layersB,
            int headsB) {
        if (layersA != layersB || headsA != headsB) {
            throw new IllegalArgumentException("model A '" + modelA + "' has " + layersA + " layers × " + headsA
                    + " heads and model B '" + modelB + "' " + layersB + " × " + headsB
                    + "; a contrast compares head by head and needs the same layers × heads");
        }
    }

    /** The word alignment of two encodings; refuses texts that share no word. */
    public static WordDiff align(Encoding a, Encoding b) {
        List<String> keysA = UnitKeys.of(a);
        List<String> keysB = UnitKeys.of(b);
        WordDiff diff = WordDiff.of(keysA, keysB);
        if (diff.aligned().stream().noneMatch(p -> UnitKeys.isWord(keysA.get(p[0])))) {
            throw new IllegalArgumentException("text A and text B share no word, so no attention row can be "
                    + "compared: \"" + clip(a.text()) + "\" vs \"" + clip(b.text()) + "\"");
        }
        return diff;
    }

    public static Contrast compare(ContrastSide a, ContrastSide b, int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 or more, got " + top);
        }
        RawAttention ra = a.attention();
        RawAttention rb = b.attention();
        requireSameShape(a.provenance().name(), ra.layers(), ra.heads(), b.provenance().name(), rb.layers(),
                rb.heads());
        WordDiff diff = align(a.encoding(), b.encoding());
        int[] rowsA = diff.side(0);
        int[] rowsB = diff.side(1);
        WordAttention wa = a.words();
        WordAttention wb = b.words();
        int layers = ra.layers();
        int heads = ra.heads();
        double[][] divergence = new double[layers][heads];
        double[][] massA = new double[layers][heads];
        double[][] massB = new double[layers][heads];
        float[][][][] attA = new float[layers][heads][][];
        float[][][][] attB = new float[layers][heads][][];
        float[][][][] difference = new float[layers][heads][][];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                attA[l][h] = wa.aggregate(ra.attentions()[l][h]);
                attB[l][h] = wb.aggregate(rb.attentions()[l][h]);
                double[][] pa = AlignedRows.of(attA[l][h], rowsA);
                double[][] pb = AlignedRows.of(attB[l][h], rowsB);
                divergence[l][h] = AlignedRows.meanDivergence(pa, pb);
                difference[l][h] = AlignedRows.difference(pa, pb);
                massA[l][h] = AlignedRows.meanMassTo(attA[l][h], rowsA, diff.changedA());
                massB[l][h] = AlignedRows.meanMassTo(attB[l][h], rowsB, diff.changedB());
            }
        }
        List<TopHead> topHeads = topHeads(divergence, massA, massB, top);
        AttentionRollout rolloutA = AttentionRollout.of(ra);
        AttentionRollout rolloutB = AttentionRollout.of(rb);
        LayerContrast rollout = perLayer(diff, wa, wb, layers, l -> rolloutA.upTo(l + 1), l -> rolloutB.upTo(l + 1));
        int longest = Math.max(a.encoding().length(), b.encoding().length());
        LayerContrast flow = null;
        String flowSkipped = null;
        if (longest <= MAX_FLOW_TOKENS) {
            AttentionFlow flowA = AttentionFlow.of(rolloutA);
            AttentionFlow flowB = AttentionFlow.of(rolloutB);
            flow = perLayer(diff, wa, wb, layers, l -> flowA.toLayer(l + 1), l -> flowB.toLayer(l + 1));
        } else {
            flowSkipped = "max-flow is computed for texts of at most " + MAX_FLOW_TOKENS + " tokens; the longer text "
                    + "has " + longest;
        }
        return new Contrast(a, b, diff, divergence, massA, massB, topHeads, attA, attB, difference, rollout, flow,
                flowSkipped);
    }

    /** Token-level matrix of one layer, [query][key]. */
    private interface LayerMatrix {
        double[][] of(int layer);
    }

    private static LayerContrast perLayer(WordDiff diff, WordAttention wa, WordAttention wb, int layers,
            LayerMatrix ma, LayerMatrix mb) {
        double[] divergence = new double[layers];
        float[][][] a = new float[layers][][];
        float[][][] b = new float[layers][][];
        float[][][] difference = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            a[l] = wa.aggregate(ma.of(l));
            b[l] = wb.aggregate(mb.of(l));
            double[][] pa = AlignedRows.of(a[l], diff.side(0));
            double[][] pb = AlignedRows.of(b[l], diff.side(1));
            divergence[l] = AlignedRows.meanDivergence(pa, pb);
            difference[l] = AlignedRows.difference(pa, pb);
        }
        return new LayerContrast(divergence, a, b, difference);
    }

    static List<TopHead> topHeads(double[][] divergence, double[][] massA, double[][] massB, int top) {
        List<TopHead> all = new ArrayList<>();
        for (int l = 0; l < divergence.length; l++) {
            for (int h = 0; h < divergence[l].length; h++) {
                all.add(new TopHead(l, h, divergence[l][h], massA[l][h] - massB[l][h]));
            }
        }
        all.sort(Comparator.comparingDouble(TopHead::divergence).reversed()
                .thenComparingInt(TopHead::layer).thenComparingInt(TopHead::head));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    private static String clip(String s) {
        Objects.requireNonNull(s);
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
