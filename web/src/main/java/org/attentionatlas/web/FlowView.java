package org.attentionatlas.web;

import org.attentionatlas.engine.attention.AttentionFlow;
import org.attentionatlas.engine.attention.AttentionRollout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The layered graph across layers, as weights [layer−1][query][key] on edges (layer−1, key) → (layer, query):
 * {@code raw} = head-averaged attention of each layer, {@code rollout} = the rollout of output token
 * {@code target} spread over the edges, {@code flow} = one maximum flow into output token {@code target}.
 */
public record FlowView(Inference inference, String kind, int target) {

    public static final Set<String> KINDS = Set.of("raw", "rollout", "flow");

    public static FlowView of(Inference inference, String kind, String target) {
        String k = Params.oneOf("kind", kind, KINDS, "raw");
        int t = Params.intIn("target", target, 0, inference.tokenCount() - 1, 0);
        if (k.equals("flow") && inference.tokenCount() > InputLimits.MAX_FLOW_TOKENS) {
            throw ApiError.badRequest("max-flow is limited to texts of " + InputLimits.MAX_FLOW_TOKENS
                    + " tokens (this one has " + inference.tokenCount() + "); use raw or rollout");
        }
        return new FlowView(inference, k, t);
    }

    /** Heavy for kind=flow: call on the inference queue. */
    public double[][][] weights() {
        switch (kind) {
            case "rollout":
                return AttentionRollout.of(inference.attention()).edgeRelevance(target);
            case "flow":
                return AttentionFlow.of(inference.attention()).edgeFlows(target);
            default:
                double[][][] out = new double[inference.layers()][][];
                for (int l = 0; l < out.length; l++) {
                    out[l] = Matrices.toDouble(inference.attention().headMean(l));
                }
                return out;
        }
    }

    public String title() {
        String what = switch (kind) {
            case "rollout" -> "attention rollout into token " + target;
            case "flow" -> "attention max-flow into token " + target;
            default -> "raw attention (mean of heads)";
        };
        return inference.model() + " — " + what;
    }

    /** One drawn edge: from key token {@code k} in layer {@code layer} to query token {@code q} in layer+1. */
    public record Edge(int layer, int q, int k, double w) {
    }

    /** Edges at or above threshold × the largest weight, at most {@code maxPerLayer} heaviest per layer. */
    public static List<Edge> edges(double[][][] weights, double threshold, int maxPerLayer) {
        double max = 0;
        for (double[][] layer : weights) {
            max = Math.max(max, Matrices.max(layer));
        }
        List<Edge> out = new ArrayList<>();
        for (int l = 0; l < weights.length && max > 0; l++) {
            List<Edge> layer = new ArrayList<>();
            for (int q = 0; q < weights[l].length; q++) {
                for (int k = 0; k < weights[l][q].length; k++) {
                    double w = weights[l][q][k];
                    if (w > 0 && w >= threshold * max) {
                        layer.add(new Edge(l, q, k, w));
                    }
                }
            }
            layer.sort(Comparator.comparingDouble(Edge::w).reversed());
            out.addAll(layer.subList(0, Math.min(layer.size(), maxPerLayer)));
        }
        return out;
    }
}
