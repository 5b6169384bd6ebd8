package org.attentionatlas.engine.stats;

import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an encoding longer than the model's positions into overlapping windows, each with the text's leading and
 * trailing special tokens, so no text is silently truncated.
 */
public final class Windows {

    private Windows() {
    }

    /**
     * @param maxTokens longest window, special tokens included
     * @param stride    content tokens between window starts (≤ the content a window holds)
     */
    public static List<Encoding> split(Encoding e, int maxTokens, int stride) {
        if (e.length() <= maxTokens) {
            return List.of(e);
        }
        int lead = 0;
        while (lead < e.length() && e.special()[lead]) {
            lead++;
        }
        int trail = 0;
        while (trail < e.length() - lead && e.special()[e.length() - 1 - trail]) {
            trail++;
        }
        int content = e.length() - lead - trail;
        int room = maxTokens - lead - trail;
        if (room <= 0) {
            throw new IllegalArgumentException("max length " + maxTokens + " leaves no room for text between "
                    + (lead + trail) + " special tokens");
        }
        if (stride <= 0 || stride > room) {
            throw new IllegalArgumentException("stride " + stride + " must be between 1 and the " + room
                    + " text tokens a window holds (max length " + maxTokens + ")");
        }
        List<Encoding> out = new ArrayList<>();
        for (int start = 0; ; start += stride) {
            int end = Math.min(start + room, content);
            out.add(window(e, lead, trail, lead + start, lead + end));
            if (end == content) {
                return out;
            }
        }
    }

    private static Encoding window(Encoding e, int lead, int trail, int from, int to) {
        int n = lead + (to - from) + trail;
        int[] idx = new int[n];
        int j = 0;
        for (int i = 0; i < lead; i++) {
            idx[j++] = i;
        }
        for (int i = from; i < to; i++) {
            idx[j++] = i;
        }
        for (int i = e.length() - trail; i < e.length(); i++) {
            idx[j++] = i;
        }
        int[] ids = new int[n];
        String[] tokens = new String[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] words = new int[n];
        boolean[] special = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            ids[k] = e.ids()[i];
            tokens[k] = e.tokens()[i];
            starts[k] = e.starts()[i];
            ends[k] = e.ends()[i];
            words[k] = e.wordIds()[i];
            special[k] = e.special()[i];
        }
        return new Encoding(e.text(), ids, tokens, starts, ends, words, special);
    }

    /** Number of windows {@link #split} makes, without building them. */
    public static int count(int length, int specials, int maxTokens, int stride) {
        if (length <= maxTokens) {
            return 1;
        }
        int content = length - specials;
        int room = maxTokens - specials;
        return 1 + (int) Math.ceil(Math.max(0, content - room) / (double) stride);
    }

}
