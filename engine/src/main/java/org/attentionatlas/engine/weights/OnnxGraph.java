package org.attentionatlas.engine.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an ONNX {@code GraphProto} the readers need: nodes in file order and initializers by name, with
 * look-ups for constant values and for the nodes that consume a value.
 */
public final class OnnxGraph {

    private final Path file;
    private final List<OnnxNode> nodes;
    private final Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
    private final Map<String, OnnxNode> nodesByName = new HashMap<>();
    private final Map<String, OnnxTensor> constantsByOutput = new HashMap<>();
    private final Map<String, List<OnnxNode>> consumers = new HashMap<>();

    public OnnxGraph(Path file, List<OnnxNode> nodes, List<OnnxTensor> initializers) {
        this.file = file;
        this.nodes = List.copyOf(nodes);
        for (OnnxTensor t : initializers) {
            this.initializers.put(t.name(), t);
        }
        for (OnnxNode n : nodes) {
            nodesByName.putIfAbsent(n.name(), n);
            for (String in : n.inputs()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
            if (n.opType().equals("Constant") && n.attributes().containsKey("value") && !n.outputs().isEmpty()
                    && n.attributes().get("value").t() != null) {
                constantsByOutput.put(n.outputs().get(0), n.attributes().get("value").t());
            }
        }
    }

    /** The file the graph was read from, for error messages. */
    public Path file() {
        return file;
    }

    public List<OnnxNode> nodes() {
        return nodes;
    }

    /** Initializers in file order. */
    public List<OnnxTensor> initializers() {
        return List.copyOf(initializers.values());
    }

    public Optional<OnnxNode> node(String name) {
        return Optional.ofNullable(nodesByName.get(name));
    }

    /** The nodes that take {@code valueName} as one of their inputs, in file order. */
    public List<OnnxNode> consumers(String valueName) {
        return consumers.getOrDefault(valueName, List.of());
    }

    /** The constant behind a value name: a {@code Constant} node's output or an initializer. */
    public Optional<OnnxTensor> constant(String valueName) {
        OnnxTensor t = constantsByOutput.get(valueName);
        return Optional.ofNullable(t != null ? t : initializers.get(valueName));
    }

    /** The value of the {@code Constant} node called {@code nodeName}. */
    public Optional<OnnxTensor> constantNode(String nodeName) {
        OnnxNode n = nodesByName.get(nodeName);
        if (n == null || !n.opType().equals("Constant") || n.outputs().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(constantsByOutput.get(n.outputs().get(0)));
    }

    public long count(String opType) {
        return nodes.stream().filter(n -> n.opType().equals(opType)).count();
    }
}
