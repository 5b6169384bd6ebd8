package org.attentionatlas.engine.config;

import org.attentionatlas.engine.weights.CheckpointException;
import org.attentionatlas.engine.weights.HostTensor;
import org.attentionatlas.engine.weights.OnnxGraph;
import org.attentionatlas.engine.weights.OnnxNode;
import org.attentionatlas.engine.weights.OnnxTensor;
import org.attentionatlas.engine.weights.WeightMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Infers a BERT {@link ModelConfig} from an exported ONNX graph and its HF-named weights:
 *
 * <ul>
 *   <li>layers: the number of {@code Softmax} nodes;</li>
 *   <li>vocab, hidden, max positions, type vocab: the three embedding matrices;</li>
 *   <li>intermediate: the out-dim of {@code encoder.layer.0.intermediate.dense.weight};</li>
 *   <li>heads × head_dim: the constants {@code /encoder/layer.0/attention/self/Constant_10} and {@code Constant_11}
 *       (the query Reshape target), cross-checked against the score scale √head_dim that the layer-0 {@code Div} uses;
 *       when the named constants are missing, head_dim comes from the scale alone;</li>
 *   <li>eps: the constant every decomposed LayerNorm adds to the variance ({@code …/LayerNorm/Add}), or the
 *       {@code epsilon} of fused {@code LayerNormalization} nodes;</li>
 *   <li>activation: {@code Erf} present → exact GELU; {@code Tanh} in the feed-forward → tanh GELU; {@code Relu} → ReLU.</li>
 * </ul>
 */
public final class OnnxConfigInference {

    static final String ATTN_SCOPE = "/encoder/layer.0/attention/self/";
    static final String HEADS_CONSTANT = ATTN_SCOPE + "Constant_10";
    static final String HEAD_DIM_CONSTANT = ATTN_SCOPE + "Constant_11";
    static final String SCALE_CONSTANT = ATTN_SCOPE + "Constant_12";

    private OnnxConfigInference() {
    }

    public static ModelConfig infer(OnnxGraph graph, WeightMap weights) {
        String where = "checkpoint " + graph.file();
        int layers = (int) graph.count("Softmax");
        if (layers == 0) {
            throw new CheckpointException(where + ": the graph has no Softmax node, so it is not a BERT encoder export");
        }
        HostTensor words = weights.get("embeddings.word_embeddings.weight");
        int vocab = dim(words, 0);
        int hidden = dim(words, 1);
        int maxPositions = dim(weights.get("embeddings.position_embeddings.weight"), 0);
        int typeVocab = dim(weights.get("embeddings.token_type_embeddings.weight"), 0);
        int intermediate = dim(weights.get("encoder.layer.0.intermediate.dense.weight"), 0);
        int heads = heads(graph, hidden);
        double eps = eps(graph);
        Activation act = activation(graph);
        try {
            return ModelConfig.bert(Architecture.BERT, layers, hidden, heads, intermediate, vocab, maxPositions, typeVocab,
                    eps, act, 0);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(where + ": inferred an invalid config: " + e.getMessage(), e);
        }
    }

    // ---- heads ----

    static int heads(OnnxGraph graph, int hidden) {
        String where = "checkpoint " + graph.file();
        Optional<Long> namedHeads = intConstant(graph, HEADS_CONSTANT);
        Optional<Long> namedHeadDim = intConstant(graph, HEAD_DIM_CONSTANT);
        Optional<Double> scale = scale(graph);
        if (namedHeads.isPresent() && namedHeadDim.isPresent()) {
            long heads = namedHeads.get();
            long headDim = namedHeadDim.get();
            if (heads <= 0 || headDim <= 0 || heads * headDim != hidden) {
                throw new CheckpointException(where + ": " + HEADS_CONSTANT + " × " + HEAD_DIM_CONSTANT + " = " + heads
                        + " × " + headDim + " does not equal the hidden size " + hidden);
            }
            if (scale.isPresent() && Math.abs(scale.get() - Math.sqrt(headDim)) > 1e-4 * Math.sqrt(headDim)) {
                throw new CheckpointException(where + ": the attention scale " + scale.get() + " is not √" + headDim
                        + " = " + Math.sqrt(headDim) + " (head_dim from " + HEAD_DIM_CONSTANT + ")");
            }
            return (int) heads;
        }
        String missing = (namedHeads.isEmpty() ? HEADS_CONSTANT : "")
                + (namedHeads.isEmpty() && namedHeadDim.isEmpty() ? " and " : "")
                + (namedHeadDim.isEmpty() ? HEAD_DIM_CONSTANT : "");
        if (scale.isEmpty()) {
            throw new CheckpointException(where + ": cannot infer the number of attention heads: the INT64 constant "
                    + missing + " is missing and no scalar √head_dim constant (" + SCALE_CONSTANT + " or a Div/Mul in "
                    + ATTN_SCOPE + ") was found either");
        }
        double squared = scale.get() * scale.get();
        long headDim = Math.round(squared);
        if (headDim <= 0 || Math.abs(squared - headDim) > 1e-3 * headDim || hidden % headDim != 0) {
            throw new CheckpointException(where + ": cannot infer the number of attention heads: " + missing
                    + " is missing and the attention scale " + scale.get() + " is not √d for a head width d that divides "
                    + "the hidden size " + hidden);
        }
        return (int) (hidden / headDim);
    }

    /** √head_dim: the scalar the layer-0 scores are divided by (or 1/√head_dim they are multiplied by). */
    static Optional<Double> scale(OnnxGraph graph) {
        Optional<OnnxTensor> named = graph.constantNode(SCALE_CONSTANT).filter(OnnxConfigInference::isFloatScalar);
        if (named.isPresent()) {
            return Optional.of(named.get().scalar());
        }
        for (OnnxNode n : graph.nodes()) {
            if (!n.name().startsWith(ATTN_SCOPE) || !(n.opType().equals("Div") || n.opType().equals("Mul"))) {
                continue;
            }
            Optional<OnnxTensor> c = graph.constant(n.input(1)).filter(OnnxConfigInference::isFloatScalar);
            if (c.isPresent() && c.get().scalar() > 0) {
                double v = c.get().scalar();
                return Optional.of(n.opType().equals("Div") ? v : 1 / v);
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> intConstant(OnnxGraph graph, String nodeName) {
        return graph.constantNode(nodeName)
                .filter(t -> (t.dataType() == OnnxTensor.INT64 || t.dataType() == OnnxTensor.INT32) && t.elementCount() == 1)
                .map(t -> t.longs()[0]);
    }

    private static boolean isFloatScalar(OnnxTensor t) {
        return (t.dataType() == OnnxTensor.FLOAT || t.dataType() == OnnxTensor.DOUBLE) && t.elementCount() == 1;
    }

    // ---- eps ----

    static double eps(OnnxGraph graph) {
        TreeSet<Float> values = new TreeSet<>();
        List<String> unreadable = new ArrayList<>();
        for (OnnxNode n : graph.nodes()) {
            if (n.opType().equals("Add") && n.name().endsWith("/LayerNorm/Add")) {
                Optional<OnnxTensor> c = graph.constant(n.input(1)).filter(OnnxConfigInference::isFloatScalar);
                if (c.isPresent()) {
                    values.add((float) c.get().scalar());
                } else {
                    unreadable.add(n.name());
                }
            } else if (n.opType().equals("LayerNormalization")) {
                values.add(n.attributes().containsKey("epsilon") ? n.attributes().get("epsilon").f() : 1e-5f);
            }
        }
        String where = "checkpoint " + graph.file();
        if (!unreadable.isEmpty()) {
            throw new CheckpointException(where + ": LayerNorm Add nodes without a scalar constant eps: " + unreadable);
        }
        if (values.isEmpty()) {
            throw new CheckpointException(where + ": cannot infer the layer-norm eps: no '…/LayerNorm/Add' node and no "
                    + "LayerNormalization node");
        }
        if (values.size() > 1) {
            throw new CheckpointException(where + ": the LayerNorms use different eps values " + values);
        }
        // float32(1e-12) is 9.99999996e-13; report the decimal the exporter wrote, i.e. the shortest that round-trips
        return Double.parseDouble(Float.toString(values.first()));
    }

    // ---- activation ----

    static Activation activation(OnnxGraph graph) {
        if (graph.count("Erf") > 0) {
            return Activation.GELU_ERF;
        }
        for (OnnxNode n : graph.nodes()) {
            if (n.opType().equals("Gelu")) {
                byte[] approx = n.attributes().containsKey("approximate") ? n.attributes().get("approximate").s() : null;
                return approx != null && new String(approx, java.nio.charset.StandardCharsets.UTF_8).equals("tanh")
                        ? Activation.GELU_TANH : Activation.GELU_ERF;
            }
        }
        for (OnnxNode n : graph.nodes()) {
            if (n.name().contains("/intermediate/") && n.opType().equals("Tanh")) {
                return Activation.GELU_TANH;
            }
        }
        for (OnnxNode n : graph.nodes()) {
            if (n.name().contains("/intermediate/") && n.opType().equals("Relu")) {
                return Activation.RELU;
            }
        }
        throw new CheckpointException("checkpoint " + graph.file() + ": cannot infer the feed-forward activation: no Erf, "
                + "Gelu, Tanh or Relu node in the intermediate layers");
    }

    private static int dim(HostTensor t, int i) {
        return (int) t.dim(i);
    }
}
