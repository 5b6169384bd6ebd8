package org.attentionatlas.udfs;

import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups windows into forward passes: sorted by length (so a batch pads little), then cut whenever the padded batch
 * would exceed the token budget or the batch size.
 */
public final class WindowBatcher {

    /** One window of one document of the chunk. */
    public record Window(int document, Encoding encoding) {
        public int length() {
            return encoding.length();
        }
    }

    private final int batchTokens;
    private final int batchSize;

    public WindowBatcher(int batchTokens, int batchSize) {
        if (batchTokens <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("batch tokens and batch size must be positive: " + batchTokens + ", " + batchSize);
        }
        this.batchTokens = batchTokens;
        this.batchSize = batchSize;
    }

    public List<List<Window>> batches(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingInt(Window::length));
        List<List<Window>> out = new ArrayList<>();
        List<Window> current = new ArrayList<>();
        for (Window w : sorted) {
            // sorted ascending: the new window is the longest, so the padded size is (n + 1) × its length
            boolean full = current.size() >= batchSize || (long) (current.size() + 1) * w.length() > batchTokens;
            if (!current.isEmpty() && full) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
