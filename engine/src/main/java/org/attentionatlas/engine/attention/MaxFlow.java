package org.attentionatlas.engine.attention;

import java.util.Arrays;

/**
 * Dinic's maximum flow on real capacities, for graphs built once and solved for many (source, sink) pairs: edges are
 * stored as arc pairs (forward at 2i, residual at 2i+1) in flat arrays, and each {@link #solve} starts from zero flow.
 * One instance is not thread-safe; {@link #copy()} gives another solver over the same (then frozen) graph.
 */
final class MaxFlow {

    /** Residual capacity below this counts as saturated (capacities are attention weights, ~1e-7 is noise). */
    static final double EPS = 1e-12;

    private final int nodes;
    private int arcs;
    private int[] head = new int[64];
    private int[] next = new int[64];
    private double[] cap = new double[64];
    private double[] flow = new double[64];
    private final int[] first;
    private int[] adjStart;
    private int[] adj;
    private final int[] level;
    private final int[] cursor;
    private final int[] queue;
    private boolean frozen;

    MaxFlow(int nodes) {
        this.nodes = nodes;
        this.first = new int[nodes];
        Arrays.fill(first, -1);
        this.level = new int[nodes];
        this.cursor = new int[nodes];
        this.queue = new int[nodes];
    }

    /** A solver with its own flow and scratch arrays sharing this graph, which can then take no more edges. */
    synchronized MaxFlow copy() { // threads may ask for copies at once; index() must run once
        index();
        frozen = true;
        MaxFlow c = new MaxFlow(nodes);
        c.frozen = true;
        c.arcs = arcs;
        c.head = head;
        c.cap = cap;
        c.adjStart = adjStart;
        c.adj = adj;
        c.flow = new double[flow.length];
        return c;
    }

    /** Adds edge from → to; returns its id for {@link #flowOn}. Zero capacities are kept so ids stay predictable. */
    int addEdge(int from, int to, double capacity) {
        if (capacity < 0 || Double.isNaN(capacity)) {
            throw new IllegalArgumentException("capacity must be ≥ 0, got " + capacity);
        }
        if (frozen) {
            throw new IllegalStateException("the graph is shared with copies and cannot change");
        }
        ensure(arcs + 2);
        int id = arcs / 2;
        arc(from, to, capacity); // forward arc 2·id
        arc(to, from, 0); // residual arc 2·id + 1
        adjStart = null;
        return id;
    }

    private void arc(int from, int to, double c) {
        int a = arcs++;
        head[a] = to;
        cap[a] = c;
        next[a] = first[from];
        first[from] = a;
    }

    private void ensure(int size) {
        if (size > head.length) {
            int n = Math.max(size, head.length * 2);
            head = Arrays.copyOf(head, n);
            next = Arrays.copyOf(next, n);
            cap = Arrays.copyOf(cap, n);
            flow = Arrays.copyOf(flow, n);
        }
    }

    double flowOn(int edge) {
        return flow[2 * edge];
    }

    /** The maximum flow from source to sink; afterwards {@link #flowOn} gives one optimal edge flow. */
    double solve(int source, int sink) {
        if (source == sink) {
            throw new IllegalArgumentException("source and sink are the same node " + source);
        }
        index();
        Arrays.fill(flow, 0, arcs, 0);
        double total = 0;
        while (levels(source, sink)) {
            for (int v = 0; v < nodes; v++) {
                cursor[v] = adjStart[v];
            }
            double pushed;
            while ((pushed = push(source, sink, Double.MAX_VALUE)) > 0) {
                total += pushed;
            }
        }
        return total;
    }

    private double residual(int a) {
        return cap[a] - flow[a];
    }

    /** Breadth-first levels over arcs with residual capacity; stops once the sink's level is settled. */
    private boolean levels(int source, int sink) {
        Arrays.fill(level, -1);
        level[source] = 0;
        int qh = 0;
        int qt = 0;
        queue[qt++] = source;
        while (qh < qt) {
            int v = queue[qh++];
            if (level[sink] >= 0 && level[v] >= level[sink]) {
                break;
            }
            for (int i = adjStart[v]; i < adjStart[v + 1]; i++) {
                int a = adj[i];
                int w = head[a];
                if (level[w] < 0 && residual(a) > EPS) {
                    level[w] = level[v] + 1;
                    queue[qt++] = w;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** Sends up to {@code limit} from v towards the sink along the level graph, splitting it over several arcs. */
    private double push(int v, int sink, double limit) {
        if (v == sink) {
            return limit;
        }
        double sent = 0;
        for (; cursor[v] < adjStart[v + 1]; cursor[v]++) {
            int a = adj[cursor[v]];
            int w = head[a];
            double r = residual(a);
            if (r > EPS && level[w] == level[v] + 1) {
                double got = push(w, sink, Math.min(limit - sent, r));
                if (got > 0) {
                    flow[a] += got;
                    flow[a ^ 1] -= got;
                    sent += got;
                    if (limit - sent <= EPS) {
                        return sent; // keep the cursor: this arc may have capacity left
                    }
                }
            }
        }
        return sent;
    }

    /** Packs each node's arcs contiguously (CSR) so the hot loops walk arrays, not linked lists. */
    private void index() {
        if (adjStart != null) {
            return;
        }
        adjStart = new int[nodes + 1];
        adj = new int[arcs];
        for (int v = 0; v < nodes; v++) {
            int count = 0;
            for (int a = first[v]; a >= 0; a = next[a]) {
                count++;
            }
            adjStart[v + 1] = adjStart[v] + count;
            int i = adjStart[v + 1];
            for (int a = first[v]; a >= 0; a = next[a]) {
                adj[--i] = a; // keeps insertion order
            }
        }
    }
}
