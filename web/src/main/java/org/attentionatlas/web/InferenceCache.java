package org.attentionatlas.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The most recent inferences, by id, within a budget of heap bytes ({@link Inference#heapBytes()}: the matrices
 * with their per-row array headers, tokens, word map). A 500-token MiniLM inference holds 18 M attention values,
 * about 76 MB; the least recently used are forgotten once the total passes the budget (the newest always stays).
 */
public final class InferenceCache {

    /** The default budget, 1 GiB, as docs/web.md promises. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final long maxBytes;
    private long bytes;

    private record Entry(Inference inference, long bytes) {
    }

    public InferenceCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the inference cache needs a positive byte budget, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public synchronized void put(Inference inference) {
        Entry previous = entries.put(inference.id(), new Entry(inference, inference.heapBytes()));
        bytes += entries.get(inference.id()).bytes() - (previous == null ? 0 : previous.bytes());
        Iterator<Entry> oldest = entries.values().iterator();
        while (bytes > maxBytes && entries.size() > 1) {
            bytes -= oldest.next().bytes();
            oldest.remove();
        }
    }

    public synchronized Inference require(String id) {
        Entry e = id == null ? null : entries.get(id);
        if (e == null) {
            throw new ApiError(404, "no run '" + (id == null ? "" : Params.clip(id))
                    + "'; it may have expired — run the text again");
        }
        return e.inference();
    }

    /** Heap bytes of the inferences held now. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
