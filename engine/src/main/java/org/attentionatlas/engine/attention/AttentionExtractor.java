package org.attentionatlas.engine.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/** Copies full attention matrices to the host, batching texts of similar length. */
public final class AttentionExtractor {

    private final LoadedModel model;
    private final int batchSize;
    private final boolean valueNorms;

    public AttentionExtractor(LoadedModel model, int batchSize) {
        this(model, batchSize, false);
    }

    /** @param valueNorms whether to keep the value norms too, so the result offers norm-based attention */
    public AttentionExtractor(LoadedModel model, int batchSize, boolean valueNorms) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
        this.valueNorms = valueNorms;
    }

    /** Raw attention of every encoding, in input order. */
    public List<RawAttention> extract(List<Encoding> encodings) {
        Integer[] order = new Integer[encodings.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).length()));
        RawAttention[] out = new RawAttention[encodings.size()];
        for (int from = 0; from < order.length; from += batchSize) {
            List<Integer> idx = List.of(order).subList(from, Math.min(order.length, from + batchSize));
            List<Encoding> batch = new ArrayList<>();
            idx.forEach(i -> batch.add(encodings.get(i)));
            List<RawAttention> got = run(batch);
            for (int j = 0; j < idx.size(); j++) {
                out[idx.get(j)] = got.get(j);
            }
        }
        return List.of(out);
    }

    private List<RawAttention> run(List<Encoding> batch) {
        ModelConfig c = model.config();
        boolean t5 = c.architecture().isEncoderDecoder();
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            List<int[]> ids = new ArrayList<>();
            List<int[]> dec = new ArrayList<>();
            for (Encoding e : batch) {
                ids.add(e.ids());
                dec.add(new int[] {c.decoderStartTokenId()});
            }
            ForwardInput in = t5 ? PaddedBatch.of(m, ids, dec, c.padTokenId()) : PaddedBatch.of(m, ids, c.padTokenId());
            Hooks hooks = Hooks.create();
            EnumSet<HookKind> kinds = EnumSet.of(HookKind.PATTERN, HookKind.CROSS_PATTERN);
            if (valueNorms) {
                kinds.addAll(EnumSet.of(HookKind.VALUE_NORM, HookKind.CROSS_VALUE_NORM));
            }
            Captures cap = Captures.of(m, hooks, kinds);
            model.transformer().forward(m, in, hooks);
            List<RawAttention> out = new ArrayList<>();
            for (int b = 0; b < batch.size(); b++) {
                int n = batch.get(b).length();
                Stack main = t5 ? Stack.ENCODER : Stack.MAIN;
                float[][][][] self = matrices(cap, main, HookKind.PATTERN, c.layers(), b, n, n);
                float[][][][] decSelf = t5 ? matrices(cap, Stack.DECODER, HookKind.PATTERN, c.decoderLayers(), b, 1, 1) : null;
                float[][][][] cross = t5 ? matrices(cap, Stack.DECODER, HookKind.CROSS_PATTERN, c.decoderLayers(), b, 1, n) : null;
                ValueNorms norms = !valueNorms ? null : new ValueNorms(
                        norms(cap, main, HookKind.VALUE_NORM, c.layers(), b, n),
                        t5 ? norms(cap, Stack.DECODER, HookKind.VALUE_NORM, c.decoderLayers(), b, 1) : null,
                        t5 ? norms(cap, Stack.DECODER, HookKind.CROSS_VALUE_NORM, c.decoderLayers(), b, n) : null);
                out.add(new RawAttention(batch.get(b), self, decSelf, cross, t5 ? dec.get(b) : null, norms));
            }
            return out;
        }
    }

    /** [layer][head][key] of one sequence, cut to its k keys. */
    private static float[][][] norms(Captures cap, Stack stack, HookKind kind, int layers, int b, int k) {
        float[][][] out = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            NDArray a = cap.get(new HookPoint(stack, l, kind)).get(new NDIndex("{}, :, :{}", b, k));
            float[] flat = a.toFloatArray();
            int heads = (int) a.getShape().get(0);
            out[l] = new float[heads][];
            for (int h = 0; h < heads; h++) {
                out[l][h] = java.util.Arrays.copyOfRange(flat, h * k, (h + 1) * k);
            }
        }
        return out;
    }

    private static float[][][][] matrices(Captures cap, Stack stack, HookKind kind, int layers, int b, int q, int k) {
        float[][][][] out = new float[layers][][][];
        for (int l = 0; l < layers; l++) {
            NDArray a = cap.get(new HookPoint(stack, l, kind)).get(new NDIndex("{}, :, :{}, :{}", b, q, k));
            float[] flat = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            int heads = (int) a.getShape().get(0);
            out[l] = new float[heads][q][k];
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < q; i++) {
                    System.arraycopy(flat, (h * q + i) * k, out[l][h][i], 0, k);
                }
            }
        }
        return out;
    }
}
