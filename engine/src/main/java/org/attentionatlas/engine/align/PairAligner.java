package org.attentionatlas.engine.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs both aligner families over sentence pairs with a BERT encoder, batched by length: one forward pass per
 * sentence alone (the embeddings, {@code blocks.0.hook_resid_pre}, and every {@code blocks.l.hook_resid_post}) feeds
 * the similarity aligners at every layer, one pass per joined pair (every {@code hook_pattern}) feeds the attention
 * aligners at every layer and head. Native memory stays bounded: each pass lives in its own NDManager and holds one
 * copy of its captures (each pair's rows are stacked across layers in a sub-manager closed before the next pair), and
 * a batch of long pairs is split into joined passes whose attention patterns fit {@link #PATTERN_BUDGET}.
 */
public final class PairAligner {

    /** Bytes of attention patterns (all layers and heads) one joined pass may hold. */
    static final long PATTERN_BUDGET = 256L << 20;

    private final Transformer model;
    private final int padId;
    private final int batchSize;
    private final long patternBudget;
    private final AlignGrid grid;

    public PairAligner(Transformer model, int batchSize) {
        this(model, batchSize, PATTERN_BUDGET);
    }

    PairAligner(Transformer model, int batchSize, long patternBudget) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.padId = model.config().padTokenId();
        this.batchSize = batchSize;
        this.patternBudget = patternBudget;
        this.grid = new AlignGrid(model.config().layers(), model.config().heads());
    }

    public AlignGrid grid() {
        return grid;
    }

    /**
     * The links of every pair, indexed by {@link AlignGrid#index}, in input order, with the time each family took.
     */
    public record Result(List<List<Set<Link>>> links, long similarityNanos, long attentionNanos) {
    }

    public Result align(List<TokenizedPair> pairs) {
        Integer[] order = new Integer[pairs.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> pairs.get(i).maxLength()));
        List<List<Set<Link>>> out = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            out.add(null);
        }
        long sim = 0;
        long att = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            List<Integer> idx = Arrays.asList(order).subList(from, Math.min(order.length, from + batchSize));
            List<TokenizedPair> batch = idx.stream().map(pairs::get).toList();
            List<List<Set<Link>>> links = new ArrayList<>();
            batch.forEach(p -> links.add(new ArrayList<>(java.util.Collections.nCopies(grid.size(), null))));
            long t0 = System.nanoTime();
            similarity(batch, links);
            long t1 = System.nanoTime();
            attention(batch, links);
            long t2 = System.nanoTime();
            sim += t1 - t0;
            att += t2 - t1;
            for (int j = 0; j < idx.size(); j++) {
                out.set(idx.get(j), links.get(j));
            }
        }
        return new Result(out, sim, att);
    }

    private void similarity(List<TokenizedPair> batch, List<List<Set<Link>>> links) {
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            List<int[]> seqs = new ArrayList<>();
            for (TokenizedPair p : batch) {
                seqs.add(p.src().ids());
                seqs.add(p.tgt().ids());
            }
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.RESID_PRE, HookKind.RESID_POST));
            model.forward(m, PaddedBatch.of(m, seqs, padId), hooks);
            int layers = grid.layers();
            List<NDArray> states = new ArrayList<>(layers + 1); // each [2B, T, D]
            states.add(cap.get(new HookPoint(Stack.MAIN, 0, HookKind.RESID_PRE)));
            for (int l = 0; l < layers; l++) {
                states.add(cap.get(new HookPoint(Stack.MAIN, l, HookKind.RESID_POST)));
            }
            for (int b = 0; b < batch.size(); b++) {
                TokenizedPair p = batch.get(b);
                SimilarityAligner.Links l;
                try (NDManager pair = m.newSubManager()) { // one pair's rows and scores, freed before the next
                    l = SimilarityAligner.align(subwords(states, pair, 2 * b, p.src()),
                            subwords(states, pair, 2 * b + 1, p.tgt()), p.src().subwordWords(),
                            p.tgt().subwordWords());
                }
                for (int layer = 0; layer <= layers; layer++) {
                    links.get(b).set(grid.index(new AlignKey(AlignMethod.SOFTMAX, layer, -1)), l.softmax().get(layer));
                    links.get(b).set(grid.index(new AlignKey(AlignMethod.ARGMAX, layer, -1)), l.argmax().get(layer));
                }
            }
        }
    }

    /** The rows of sequence {@code b} that hold subwords (special tokens left out), every layer: [layers+1, n, D]. */
    private static NDArray subwords(List<NDArray> states, NDManager into, int b, WordTokens s) {
        int[] pos = s.subwordPositions();
        int first = pos[0];
        int last = pos[pos.length - 1];
        if (last - first + 1 != pos.length) {
            throw new IllegalArgumentException("special tokens inside a sentence: " + Arrays.toString(s.ids()));
        }
        return stacked(states, into, new NDIndex("{}, {}:{}, :", b, first, last + 1));
    }

    /** The same part of every layer's capture, stacked along a new first axis; made in {@code into}. */
    private static NDArray stacked(List<NDArray> perLayer, NDManager into, NDIndex part) {
        NDList parts = new NDList(perLayer.size());
        for (NDArray a : perLayer) {
            NDArray p = a.get(part);
            p.attach(into);
            parts.add(p);
        }
        NDArray out = NDArrays.stack(parts);
        out.attach(into);
        return out;
    }

    /**
     * Pairs per joined pass: as many of the batch as keep the pass's attention patterns (every layer and head, at the
     * batch's longest joined length) within the pattern budget ({@link #PATTERN_BUDGET} bytes), at least one. A fixed
     * number of pairs would make the patterns grow with the square of the length.
     */
    int pairsPerPass(List<TokenizedPair> batch) {
        long t = batch.stream().mapToInt(p -> p.joined().length()).max().orElse(1);
        long perPair = (long) grid.layers() * grid.heads() * t * t * Float.BYTES;
        return (int) Math.max(1, Math.min(batch.size(), patternBudget / perPair));
    }

    private void attention(List<TokenizedPair> batch, List<List<Set<Link>>> links) {
        int pass = pairsPerPass(batch);
        for (int from = 0; from < batch.size(); from += pass) {
            int to = Math.min(batch.size(), from + pass);
            attentionPass(batch.subList(from, to), links.subList(from, to));
        }
    }

    private void attentionPass(List<TokenizedPair> batch, List<List<Set<Link>>> links) {
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            int layers = grid.layers();
            List<NDArray> perLayer = patterns(m, batch); // each [B, H, T, T]
            for (int b = 0; b < batch.size(); b++) {
                PairSequence p = batch.get(b).joined();
                int n = p.length();
                AttentionAligner.Links l;
                try (NDManager pair = m.newSubManager()) { // one pair's patterns and word attention, freed after it
                    l = AttentionAligner.align(stacked(perLayer, pair, new NDIndex("{}, :, :{}, :{}", b, n, n)), p);
                }
                for (int layer = 0; layer < layers; layer++) {
                    links.get(b).set(grid.index(new AlignKey(AlignMethod.ATTENTION_MEAN, layer, -1)),
                            l.mean().get(layer));
                    for (int h = 0; h < grid.heads(); h++) {
                        links.get(b).set(grid.index(new AlignKey(AlignMethod.HEAD, layer, h)),
                                l.heads().get(layer).get(h));
                    }
                }
            }
        }
    }

    /**
     * The word-level attention of one pair's joined pass, [layers][heads][U][U] on the host, units as
     * {@link PairSequence} numbers them (source words, then target words).
     */
    public float[][][][] wordAttention(TokenizedPair pair) {
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            PairSequence p = pair.joined();
            NDArray words = AttentionAligner.wordAttention(stacked(patterns(m, List.of(pair)), m, new NDIndex("0")), p);
            int l = grid.layers();
            int h = grid.heads();
            int u = p.units();
            float[] flat = words.toFloatArray();
            float[][][][] out = new float[l][h][u][u];
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < h; j++) {
                    for (int q = 0; q < u; q++) {
                        System.arraycopy(flat, ((i * h + j) * u + q) * u, out[i][j][q], 0, u);
                    }
                }
            }
            return out;
        }
    }

    /** Every layer's attention pattern of the joined pairs, each [B, H, T, T]. */
    private List<NDArray> patterns(NDManager m, List<TokenizedPair> batch) {
        List<int[]> ids = new ArrayList<>();
        List<int[]> types = new ArrayList<>();
        for (TokenizedPair p : batch) {
            ids.add(p.joined().ids());
            types.add(p.joined().types());
        }
        Hooks hooks = Hooks.create();
        Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
        model.forward(m, PaddedBatch.withTypes(m, ids, types, padId), hooks);
        List<NDArray> patterns = new ArrayList<>(grid.layers());
        for (int l = 0; l < grid.layers(); l++) {
            patterns.add(cap.get(new HookPoint(Stack.MAIN, l, HookKind.PATTERN)));
        }
        return patterns;
    }
}
