package org.attentionatlas.engine.weights;

import java.util.List;
import java.util.Map;

/**
 * One ONNX {@code NodeProto}: an operator application.
 *
 * @param name       node name, e.g. {@code /encoder/layer.0/attention/self/query/MatMul}
 * @param opType     operator, e.g. {@code MatMul}
 * @param inputs     input value names in order (an empty string marks an omitted optional input)
 * @param outputs    output value names in order
 * @param attributes attributes by name
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, OnnxAttribute> attributes) {

    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    @Override
    public String toString() {
        return opType + " '" + name + "' " + inputs + " -> " + outputs;
    }
}
