package org.attentionatlas.udfs;

import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowBatcherTest {

    private static Encoding ofLength(int n) {
        return new Encoding("x", new int[n], new String[n], new int[n], new int[n], new int[n], new boolean[n]);
    }

    @Test
    void sortsByLengthAndRespectsTokenBudgetAndBatchSize() {
        List<WindowBatcher.Window> windows = new ArrayList<>();
        int[] lengths = {30, 5, 100, 7, 6, 31, 8, 99, 5, 5};
        for (int i = 0; i < lengths.length; i++) {
            windows.add(new WindowBatcher.Window(i, ofLength(lengths[i])));
        }
        List<List<WindowBatcher.Window>> batches = new WindowBatcher(200, 4).batches(windows);
        int seen = 0;
        int previousMax = 0;
        for (List<WindowBatcher.Window> b : batches) {
            int max = b.stream().mapToInt(WindowBatcher.Window::length).max().orElseThrow();
            int min = b.stream().mapToInt(WindowBatcher.Window::length).min().orElseThrow();
            assertTrue(b.size() <= 4, "batch size");
            assertTrue(b.size() == 1 || b.size() * max <= 200, "token budget: " + b.size() + " x " + max);
            assertTrue(min >= previousMax, "batches are in length order");
            previousMax = max;
            seen += b.size();
        }
        assertEquals(lengths.length, seen);
        assertEquals(List.of(5, 5, 5, 6), batches.get(0).stream().map(WindowBatcher.Window::length).toList());
    }

    @Test
    void aWindowLongerThanTheBudgetRunsAlone() {
        List<List<WindowBatcher.Window>> batches = new WindowBatcher(64, 8)
                .batches(List.of(new WindowBatcher.Window(0, ofLength(100)), new WindowBatcher.Window(1, ofLength(10))));
        assertEquals(2, batches.size());
        assertEquals(1, batches.get(1).size());
    }
}
