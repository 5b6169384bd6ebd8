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
 * aligners at every layer and head. Each batch lives in its own NDManager.
 */
public final class PairAligner {

    private final Transformer model;
    private final int padId;
    private final int batchSize;
    private final AlignGrid grid;

    public PairAligner(Transformer model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.padId = model.config().padTokenId();
        this.batchSize = batchSize;
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
            NDList states = new NDList(layers + 1);
            states.add(cap.get(new HookPoint(Stack.MAIN, 0, HookKind.RESID_PRE)));
            for (int l = 0; l < layers; l++) {
                states.add(cap.get(new HookPoint(Stack.MAIN, l, HookKind.RESID_POST)));
            }
            NDArray hidden = NDArrays.stack(states); // [layers+1, 2B, T, D]
            for (int b = 0; b < batch.size(); b++) {
                TokenizedPair p = batch.get(b);
                SimilarityAligner.Links l = SimilarityAligner.align(subwords(hidden, 2 * b, p.src()),
                        subwords(hidden, 2 * b + 1, p.tgt()), p.src().subwordWords(), p.tgt().subwordWords());
                for (int layer = 0; layer <= layers; layer++) {
                    links.get(b).set(grid.index(new AlignKey(AlignMethod.SOFTMAX, layer, -1)), l.softmax().get(layer));
                    links.get(b).set(grid.index(new AlignKey(AlignMethod.ARGMAX, layer, -1)), l.argmax().get(layer));
                }
            }
        }
    }

    /** The rows of sequence {@code b} that hold subwords (special tokens left out): [layers+1, n, D]. */
    private static NDArray subwords(NDArray hidden, int b, WordTokens s) {
        int[] pos = s.subwordPositions();
        int first = pos[0];
        int last = pos[pos.length - 1];
        if (last - first + 1 != pos.length) {
            throw new IllegalArgumentException("special tokens inside a sentence: " + Arrays.toString(s.ids()));
        }
        return hidden.get(new NDIndex(":, {}, {}:{}, :", b, first, last + 1));
    }

    private void attention(List<TokenizedPair> batch, List<List<Set<Link>>> links) {
        try (NDManager m = NDManager.newBaseManager(model.device())) {
            int layers = grid.layers();
            NDArray all = patterns(m, batch); // [layers, B, H, T, T]
            for (int b = 0; b < batch.size(); b++) {
                PairSequence p = batch.get(b).joined();
                int n = p.length();
                AttentionAligner.Links l = AttentionAligner.align(
                        all.get(new NDIndex(":, {}, :, :{}, :{}", b, n, n)), p);
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
            NDArray words = AttentionAligner.wordAttention(patterns(m, List.of(pair)).get(new NDIndex(":, 0")), p);
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

    /** Every layer's attention pattern of the joined pairs: [layers, B, H, T, T]. */
    private NDArray patterns(NDManager m, List<TokenizedPair> batch) {
        List<int[]> ids = new ArrayList<>();
        List<int[]> types = new ArrayList<>();
        for (TokenizedPair p : batch) {
            ids.add(p.joined().ids());
            types.add(p.joined().types());
        }
        Hooks hooks = Hooks.create();
        Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
        model.forward(m, PaddedBatch.withTypes(m, ids, types, padId), hooks);
        NDList patterns = new NDList(grid.layers());
        for (int l = 0; l < grid.layers(); l++) {
            patterns.add(cap.get(new HookPoint(Stack.MAIN, l, HookKind.PATTERN)));
        }
        return NDArrays.stack(patterns);
    }
}
