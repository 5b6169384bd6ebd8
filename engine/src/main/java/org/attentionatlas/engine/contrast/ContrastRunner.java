package org.attentionatlas.engine.contrast;

import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.List;

/** Runs both sides of a contrast through loaded models, checking every input before the first forward pass. */
public final class ContrastRunner {

    private ContrastRunner() {
    }

    /** {@code b} may be the same loaded model as {@code a}; {@code textB} is the text of B (not null). */
    public static Contrast run(LoadedModel a, LoadedModel b, String textA, String textB, int top) {
        Contrasts.requireSameShape(a.provenance().name(), a.config().layers(), a.config().heads(),
                b.provenance().name(), b.config().layers(), b.config().heads());
        Encoding ea = encode(a, textA, "text A");
        Encoding eb = encode(b, textB, "text B");
        Contrasts.align(ea, eb);
        return Contrasts.compare(side(a, ea), side(b, eb), top);
    }

    public static ContrastSide side(LoadedModel model, Encoding e) {
        RawAttention raw = new AttentionExtractor(model, 1).extract(List.of(e)).get(0);
        return new ContrastSide(model.provenance(), model.config().architecture().name(), raw);
    }

    private static Encoding encode(LoadedModel model, String text, String what) {
        try {
            return model.encode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
