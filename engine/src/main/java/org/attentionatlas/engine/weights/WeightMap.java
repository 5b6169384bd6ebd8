package org.attentionatlas.engine.weights;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every weight of one checkpoint under its Hugging Face name and layout ({@code nn.Linear.weight} is {@code [out, in]}),
 * whatever format it was read from. Lookups check shapes so a wrong checkpoint fails with the name and both shapes.
 */
public final class WeightMap {

    private final String source;
    private final Map<String, HostTensor> tensors = new LinkedHashMap<>();

    public WeightMap(String source) {
        this.source = source;
    }

    /** Where the weights came from (a path), used in every error message. */
    public String source() {
        return source;
    }

    public void put(HostTensor tensor) {
        tensors.put(tensor.name(), tensor);
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public Optional<HostTensor> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    public int size() {
        return tensors.size();
    }

    /** The tensor called {@code name}, which must exist. */
    public HostTensor get(String name) {
        HostTensor t = tensors.get(name);
        if (t == null) {
            throw new CheckpointException("checkpoint " + source + ": missing weight '" + name + "'");
        }
        return t;
    }

    /** The tensor called {@code name}, which must exist with exactly this shape. */
    public HostTensor get(String name, long... expectedShape) {
        HostTensor t = get(name);
        if (!Arrays.equals(t.shape(), expectedShape)) {
            throw new CheckpointException("checkpoint " + source + ": weight '" + name + "' has shape "
                    + Arrays.toString(t.shape()) + " but the config needs " + Arrays.toString(expectedShape));
        }
        return t;
    }

    /** A view with a leading prefix such as {@code bert.} removed from every name that has it. */
    public WeightMap stripPrefix(String prefix) {
        WeightMap out = new WeightMap(source);
        for (HostTensor t : tensors.values()) {
            String n = t.name().startsWith(prefix) ? t.name().substring(prefix.length()) : t.name();
            out.put(t.renamed(n));
        }
        return out;
    }
}
