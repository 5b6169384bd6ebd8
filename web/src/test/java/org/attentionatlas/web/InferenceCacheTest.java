package org.attentionatlas.web;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InferenceCacheTest {

    /** An inference of 2 layers × 3 heads over the text "tt…t": one token and one word per character. */
    private static Inference inference(String id, int tokens) {
        String[] names = new String[tokens];
        java.util.Arrays.fill(names, "t");
        int[] starts = new int[tokens];
        int[] ends = new int[tokens];
        for (int i = 0; i < tokens; i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        Encoding e = new Encoding("t".repeat(tokens), new int[tokens], names, starts, ends, starts.clone(),
                new boolean[tokens]);
        float[][][][] a = new float[2][3][tokens][tokens];
        return new Inference(id, "m", "r", new RawAttention(e, a, null, null, null), WordAttention.of(e));
    }

    @Test
    void bytesCountEveryArrayWithItsHeader() {
        // 10 tokens, by hand: the [2][3][10][10] floats are 1 array of 2 refs (16 + 8 = 24 B), 2 of 3 refs (2 × 32 B),
        // 6 of 10 refs (6 × 56 B) and 60 rows of 10 floats (60 × 56 B): 24 + 64 + 336 + 3360 = 3784
        long matrices = 3784;
        // encoding: 10 token strings "t" (24 B object + 24 B byte array) in an array of 10 refs (56 B) = 536; ids,
        // starts, ends, word ids: 4 × 56 B; special: 16 + 10 → 32 B; the text of 10 Latin-1 chars: 24 + 32 = 56
        long encoding = 536 + 224 + 32 + 56;
        // word map: 10 labels "t" again (536) and one int per token (56)
        long words = 536 + 56;
        assertEquals(matrices + encoding + words, inference("a", 10).heapBytes());
        // 500 tokens: a row of 500 floats is 16 + 2000 bytes, as is an array of 500 references
        assertEquals(24 + 2 * 32 + 6 * 2016 + 2 * 3 * 500 * 2016, HeapBytes.of(new float[2][3][500][500]));
    }

    @Test
    void forgetsLeastRecentlyUsedInferencesBeyondTheByteBudget() {
        long one = inference("x", 10).heapBytes();
        InferenceCache cache = new InferenceCache(2 * one); // room for two 10-token inferences
        Inference a = inference("a", 10);
        Inference b = inference("b", 10);
        cache.put(a);
        cache.put(b);
        assertEquals(2 * one, cache.bytes());
        assertSame(a, cache.require("a")); // a is now the most recently used
        cache.put(inference("c", 10));
        assertEquals(404, assertThrows(ApiError.class, () -> cache.require("b")).status());
        assertSame(a, cache.require("a"));
        assertEquals(2, cache.size());
        assertEquals(2 * one, cache.bytes());
        cache.put(inference("huge", 40)); // over the budget alone: kept, everything else goes
        assertEquals("huge", cache.require("huge").id());
        assertThrows(ApiError.class, () -> cache.require("a"));
        assertEquals(1, cache.size());
        assertEquals(inference("h", 40).heapBytes(), cache.bytes());
    }

    @Test
    void aBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new InferenceCache(0));
    }
}
