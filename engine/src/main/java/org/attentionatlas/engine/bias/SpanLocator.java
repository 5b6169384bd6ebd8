package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.text.CharSpan;

import java.util.Arrays;
import java.util.TreeSet;

/** Maps character spans to tokens and word units by their character offsets. */
public final class SpanLocator {

    private SpanLocator() {
    }

    /** Indices of the non-special tokens overlapping {@code span}, in order; empty when none does. */
    public static int[] tokens(Encoding e, CharSpan span) {
        return java.util.stream.IntStream.range(0, e.length())
                .filter(i -> !e.special()[i] && e.ends()[i] > e.starts()[i] && span.overlaps(e.starts()[i], e.ends()[i]))
                .toArray();
    }

    /** The word units (of {@link WordAttention#of}) holding those tokens, or an exception naming the span. */
    public static int[] units(Encoding e, WordAttention words, CharSpan span, String what) {
        int[] tokens = tokens(e, span);
        if (tokens.length == 0) {
            throw new UnlocatedSpanException(what + " span [" + span.start() + ", " + span.end() + ") of \""
                    + e.text() + "\" covers no token");
        }
        TreeSet<Integer> units = new TreeSet<>();
        Arrays.stream(tokens).forEach(t -> units.add(words.unitOf(t)));
        return units.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The single token a span covers (a pronoun slot for fill-mask), or an exception when it covers 0 or several. */
    public static int singleToken(Encoding e, CharSpan span, String what) {
        int[] tokens = tokens(e, span);
        if (tokens.length != 1) {
            throw new UnlocatedSpanException(what + " span [" + span.start() + ", " + span.end() + ") of \""
                    + e.text() + "\" covers " + tokens.length + " tokens, not exactly one");
        }
        return tokens[0];
    }
}
