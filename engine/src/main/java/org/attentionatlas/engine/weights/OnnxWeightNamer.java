package org.attentionatlas.engine.weights;

import java.util.List;

/**
 * Maps ONNX initializers to HF names and layout:
 *
 * <ul>
 *   <li>A FLOAT initializer not named {@code onnx::…} already carries its HF name and layout.</li>
 *   <li>{@code embeddings.position_ids} is an INT64 buffer, not a weight: skipped.</li>
 *   <li>{@code onnx::MatMul_<k>} is the second input of exactly one {@code MatMul} node; the node name
 *       {@code /encoder/layer.N/attention/self/query/MatMul} gives {@code encoder.layer.N.attention.self.query.weight},
 *       and the stored {@code [in, out]} tensor is transposed to HF's {@code [out, in]}.</li>
 *   <li>Other non-float initializers (shape constants) are skipped; anything else fails.</li>
 * </ul>
 */
public final class OnnxWeightNamer {

    static final String POSITION_IDS = "embeddings.position_ids";
    private static final String ANONYMOUS = "onnx::";
    private static final String MATMUL_SUFFIX = "/MatMul";

    private OnnxWeightNamer() {
    }

    /** Every weight of {@code graph} under its HF name; skipped initializers are added to {@code skipped}. */
    public static WeightMap name(OnnxGraph graph, List<String> skipped) {
        WeightMap out = new WeightMap(graph.file().toString());
        for (OnnxTensor t : graph.initializers()) {
            if (t.external()) {
                throw new CheckpointException("checkpoint " + graph.file() + ": initializer '" + t.name()
                        + "' keeps its data in an external file, which is not supported; export the model with the "
                        + "weights inside the .onnx file");
            }
            if (t.name().equals(POSITION_IDS)) {
                skipped.add(t.name() + ": position-id buffer, not a weight");
                continue;
            }
            boolean anonymous = t.name().startsWith(ANONYMOUS);
            if (anonymous && !t.name().startsWith(ANONYMOUS + "MatMul_")) {
                throw new CheckpointException("checkpoint " + graph.file() + ": anonymous initializer '" + t.name()
                        + "' " + t + " is not a MatMul weight and has no known HF name");
            }
            if (t.dataType() != OnnxTensor.FLOAT) {
                if (!anonymous && !looksLikeWeight(t.name())) {
                    skipped.add(t.name() + ": " + OnnxTensor.dataTypeName(t.dataType()) + " graph constant");
                    continue;
                }
                throw new CheckpointException("checkpoint " + graph.file() + ": weight '" + t.name() + "' has data type "
                        + OnnxTensor.dataTypeName(t.dataType()) + "; only FLOAT (float32) weights are supported");
            }
            String hfName = anonymous ? matMulWeightName(graph, t) : t.name();
            if (out.contains(hfName)) {
                throw new CheckpointException("checkpoint " + graph.file() + ": two initializers map to '" + hfName + "'");
            }
            out.put(toHost(graph, t, hfName, anonymous));
        }
        return out;
    }

    private static boolean looksLikeWeight(String name) {
        return name.endsWith(".weight") || name.endsWith(".bias");
    }

    /** The HF name of an anonymous MatMul weight, from the one MatMul node that uses it as its second input. */
    static String matMulWeightName(OnnxGraph graph, OnnxTensor t) {
        List<OnnxNode> users = graph.consumers(t.name());
        if (users.size() != 1) {
            throw new CheckpointException("checkpoint " + graph.file() + ": initializer '" + t.name() + "' is used by "
                    + users.size() + " nodes " + users + "; expected exactly one MatMul, so it cannot be named");
        }
        OnnxNode mm = users.get(0);
        if (!mm.opType().equals("MatMul") || !mm.input(1).equals(t.name())) {
            throw new CheckpointException("checkpoint " + graph.file() + ": initializer '" + t.name()
                    + "' is not the second input of a MatMul but of " + mm);
        }
        String n = mm.name();
        if (!n.startsWith("/") || !n.endsWith(MATMUL_SUFFIX) || n.length() <= 1 + MATMUL_SUFFIX.length()) {
            throw new CheckpointException("checkpoint " + graph.file() + ": MatMul node '" + n + "' that uses '" + t.name()
                    + "' is not named /module/path/MatMul, so the weight cannot be named");
        }
        return n.substring(1, n.length() - MATMUL_SUFFIX.length()).replace('/', '.') + ".weight";
    }

    private static HostTensor toHost(OnnxGraph graph, OnnxTensor t, String hfName, boolean transpose) {
        float[] data;
        try {
            data = t.floats();
        } catch (IllegalStateException e) {
            throw new CheckpointException("checkpoint " + graph.file() + " is corrupt: " + e.getMessage(), e);
        }
        long[] dims = t.dims();
        if (!transpose) {
            return new HostTensor(hfName, dims, data);
        }
        if (dims.length != 2) {
            throw new CheckpointException("checkpoint " + graph.file() + ": MatMul weight '" + t.name() + "' has shape "
                    + java.util.Arrays.toString(dims) + ", expected 2-D [in, out]");
        }
        int rows = (int) dims[0];
        int cols = (int) dims[1];
        return new HostTensor(hfName, new long[] {cols, rows}, Transpose.of(data, rows, cols));
    }
}
