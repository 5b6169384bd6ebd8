package org.attentionatlas.engine.attention;

import java.util.stream.IntStream;

/**
 * Attention flow (Abnar &amp; Zuidema 2020): the layered graph has one node per token per layer (layer 0 = input
 * embeddings .. layer L) and an edge from (l−1, k) to (l, q) of capacity Â_l[q][k], the residual-adjusted attention
 * of {@link AttentionRollout}. The flow from input token k to layer-l token q is the maximum flow between those two
 * nodes. Not thread-safe: one instance reuses one graph for every pair (matrix-sized queries split their rows over
 * a few private copies of the solver).
 */
public final class AttentionFlow {

    private final int layers;
    private final int tokens;
    private final MaxFlow graph;
    private final int[][][] edge; // [l−1][q][k] edge id of (l−1,k)→(l,q), −1 when the capacity is 0
    private final int superSource;

    private AttentionFlow(AttentionRollout rollout) {
        this.layers = rollout.layers();
        this.tokens = rollout.tokens();
        this.superSource = (layers + 1) * tokens;
        this.graph = new MaxFlow(superSource + 1);
        this.edge = new int[layers][tokens][tokens];
        for (int l = 1; l <= layers; l++) {
            double[][] a = rollout.adjusted(l);
            for (int q = 0; q < tokens; q++) {
                for (int k = 0; k < tokens; k++) {
                    edge[l - 1][q][k] = a[q][k] > 0 ? graph.addEdge(node(l - 1, k), node(l, q), a[q][k]) : -1;
                }
            }
        }
        for (int k = 0; k < tokens; k++) {
            graph.addEdge(superSource, node(0, k), 1); // only used by edgeFlows
        }
    }

    public static AttentionFlow of(AttentionRollout rollout) {
        return new AttentionFlow(rollout);
    }

    public static AttentionFlow of(RawAttention raw) {
        return of(AttentionRollout.of(raw));
    }

    public int layers() {
        return layers;
    }

    public int tokens() {
        return tokens;
    }

    private int node(int layer, int token) {
        return layer * tokens + token;
    }

    /** Maximum flow from input token {@code input} to token {@code token} of layer {@code layer} (1..L). */
    public double value(int input, int layer, int token) {
        checkLayer(layer);
        return graph.solve(node(0, input), node(layer, token));
    }

    /** Flows from every input token to every token of one layer, [query][input]. */
    public double[][] toLayer(int layer) {
        checkLayer(layer);
        int[] sources = new int[tokens * tokens];
        int[] sinks = new int[tokens * tokens];
        for (int q = 0; q < tokens; q++) {
            for (int k = 0; k < tokens; k++) {
                sources[q * tokens + k] = node(0, k);
                sinks[q * tokens + k] = node(layer, q);
            }
        }
        return reshape(solveAll(sources, sinks), tokens);
    }

    /** Flows from every input token to every output token (layer L), [output][input]. */
    public double[][] matrix() {
        return toLayer(layers);
    }

    /** For one token position, the flow from each input token to that position in each layer, [l−1][input]. */
    public double[][] perLayer(int token) {
        int[] sources = new int[layers * tokens];
        int[] sinks = new int[layers * tokens];
        for (int l = 1; l <= layers; l++) {
            for (int k = 0; k < tokens; k++) {
                sources[(l - 1) * tokens + k] = node(0, k);
                sinks[(l - 1) * tokens + k] = node(l, token);
            }
        }
        return reshape(solveAll(sources, sinks), tokens);
    }

    /** Max-flow of each (source, sink) pair, spread over the cores with one solver copy per thread. */
    private double[] solveAll(int[] sources, int[] sinks) {
        double[] out = new double[sources.length];
        int workers = Math.max(1, Math.min(sources.length, Runtime.getRuntime().availableProcessors()));
        ThreadLocal<MaxFlow> solvers = ThreadLocal.withInitial(graph::copy);
        IntStream.range(0, workers).parallel().forEach(w -> {
            MaxFlow solver = solvers.get();
            for (int i = w; i < sources.length; i += workers) {
                out[i] = solver.solve(sources[i], sinks[i]);
            }
        });
        return out;
    }

    private static double[][] reshape(double[] flat, int columns) {
        double[][] out = new double[flat.length / columns][];
        for (int r = 0; r < out.length; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return out;
    }

    private void checkLayer(int layer) {
        if (layer < 1 || layer > layers) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside 1.." + layers);
        }
    }

    /**
     * One maximum flow from all input tokens together (each may supply up to 1) into output token {@code target},
     * as flow per edge, [l−1][q][k] for edge (l−1, k)→(l, q). Maximum flows are not unique; this is the one Dinic's
     * algorithm finds. Used to draw the flow diagram.
     */
    public double[][][] edgeFlows(int target) {
        graph.solve(superSource, node(layers, target));
        double[][][] out = new double[layers][tokens][tokens];
        for (int l = 0; l < layers; l++) {
            for (int q = 0; q < tokens; q++) {
                for (int k = 0; k < tokens; k++) {
                    int id = edge[l][q][k];
                    out[l][q][k] = id < 0 ? 0 : Math.max(0, graph.flowOn(id));
                }
            }
        }
        return out;
    }
}
