package org.attentionatlas.engine.align;

import java.util.ArrayList;
import java.util.List;

/**
 * Every aligner run on a model of {@code layers} × {@code heads}, in a fixed order: softmax and argmax at layers
 * 0..layers, the head average at 0-based layers 0..layers-1, then every head layer-major. Results are arrays indexed
 * by {@link #index}.
 */
public record AlignGrid(int layers, int heads) {

    public int size() {
        return 2 * (layers + 1) + layers + layers * heads;
    }

    public int index(AlignKey k) {
        return switch (k.method()) {
            case SOFTMAX -> k.layer();
            case ARGMAX -> layers + 1 + k.layer();
            case ATTENTION_MEAN -> 2 * (layers + 1) + k.layer();
            case HEAD -> 2 * (layers + 1) + layers + k.layer() * heads + k.head();
        };
    }

    public List<AlignKey> keys() {
        List<AlignKey> out = new ArrayList<>(size());
        for (int l = 0; l <= layers; l++) {
            out.add(new AlignKey(AlignMethod.SOFTMAX, l, -1));
        }
        for (int l = 0; l <= layers; l++) {
            out.add(new AlignKey(AlignMethod.ARGMAX, l, -1));
        }
        for (int l = 0; l < layers; l++) {
            out.add(new AlignKey(AlignMethod.ATTENTION_MEAN, l, -1));
        }
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                out.add(new AlignKey(AlignMethod.HEAD, l, h));
            }
        }
        return out;
    }
}
