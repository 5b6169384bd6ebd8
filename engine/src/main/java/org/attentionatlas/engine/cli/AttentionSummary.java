package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.attention.AttentionMeasure;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.LoadedModel;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Console summary: per layer and head, the tokens that receive the most attention (mean over queries), in either measure. */
final class AttentionSummary {

    private AttentionSummary() {
    }

    static void print(PrintWriter out, LoadedModel model, AttentionMeasure measure, List<RawAttention> raw, int top) {
        out.printf("model %s (%s, %s %s)%n", model.provenance().name(), model.config().architecture(),
                model.provenance().source(), model.provenance().revision());
        if (measure == AttentionMeasure.NORMS) {
            out.println("measure: norm-based attention ‖α·f(x)‖ (Kobayashi et al. 2020), mean over queries");
        }
        for (RawAttention r : raw) {
            String[] tokens = r.encoding().tokens();
            out.printf("%ntext: %s%ntokens (%d): %s%n", r.encoding().text(), tokens.length, String.join(" ", tokens));
            for (int l = 0; l < r.layers(); l++) {
                for (int h = 0; h < r.heads(); h++) {
                    out.printf("  %-8s %s%n", "L" + l + " H" + h, topReceivers(r.attentions()[l][h], tokens, top));
                }
            }
        }
    }

    private static String topReceivers(float[][] a, String[] tokens, int top) {
        int n = tokens.length;
        double[] received = new double[n];
        for (float[] row : a) {
            for (int k = 0; k < n; k++) {
                received[k] += row[k] / a.length;
            }
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> -received[i]));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(top, n); i++) {
            sb.append(String.format("%s@%d %.2f  ", tokens[idx[i]], idx[i], received[idx[i]]));
        }
        return sb.toString().trim();
    }
}
