package org.attentionatlas.web;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunStoreTest {

    private static Run run(String id, int tokens) {
        Encoding e = new Encoding("x", new int[tokens], new String[tokens], new int[tokens], new int[tokens],
                new int[tokens], new boolean[tokens]);
        float[][][][] a = new float[2][3][tokens][tokens];
        return new Run(id, "m", "r", new RawAttention(e, a, null, null, null), WordAttention.of(e));
    }

    @Test
    void forgetsLeastRecentlyUsedRunsBeyondTheBudget() {
        RunStore store = new RunStore(2 * 3 * 10 * 10 * 2); // room for two 10-token runs
        Run a = run("a", 10);
        Run b = run("b", 10);
        store.put(a);
        store.put(b);
        assertSame(a, store.require("a")); // a is now the most recently used
        store.put(run("c", 10));
        assertEquals(404, assertThrows(ApiError.class, () -> store.require("b")).status());
        assertSame(a, store.require("a"));
        store.put(run("huge", 40)); // over the budget alone: kept, everything else goes
        assertEquals("huge", store.require("huge").id());
        assertThrows(ApiError.class, () -> store.require("a"));
    }
}
