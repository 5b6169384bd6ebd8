package org.attentionatlas.engine.weights;

/**
 * One ONNX {@code AttributeProto}, reduced to the kinds a BERT graph uses. Fields that were not set are 0, null or empty.
 *
 * @param name   attribute name
 * @param f      {@code f}
 * @param i      {@code i}
 * @param s      {@code s}, or null
 * @param t      {@code t}, or null
 * @param ints   {@code ints}, possibly empty
 */
public record OnnxAttribute(String name, float f, long i, byte[] s, OnnxTensor t, long[] ints) {
}
