package org.attentionatlas.engine.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate, ETA and pacing on a fake clock (values computed by hand). */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(100 * SECOND);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Progress progress(long total, Pacing pacing, boolean tokens) {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = tokens ? Progress.withTokens("audit", "documents", total, pacing, out)
                : Progress.of("bias", "sentences", total, pacing, out);
        return p.withClock(clock::get);
    }

    private List<String> lines() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void rateIsItemsOverElapsedSecondsAndEtaTheRestAtThatRate() {
        Progress p = progress(1000, new Pacing(0, 0, true), true);
        clock.addAndGet(4 * SECOND);
        p.update(100, 5000);
        assertEquals(25.0, p.rate(), 1e-12);             // 100 / 4 s
        assertEquals(36.0, p.etaSeconds(), 1e-12);       // 900 left / 25 per s
        assertEquals(List.of("audit progress: 100/1000 documents (10%), 25.0 documents/s, 1250 tokens/s, ETA 36 s"),
                lines());
        clock.addAndGet(46 * SECOND);                     // 50 s in
        p.update(400, 20_000);
        assertEquals(8.0, p.rate(), 1e-12);
        assertEquals(75.0, p.etaSeconds(), 1e-12);       // 600 / 8
        assertEquals("audit progress: 400/1000 documents (40%), 8.0 documents/s, 400 tokens/s, ETA 1 min 15 s",
                lines().get(1));
    }

    @Test
    void etaIsUnknownBeforeAnythingIsDoneAndZeroAtTheEnd() {
        Progress p = progress(10, new Pacing(0, 0, true), false);
        assertTrue(Double.isNaN(p.etaSeconds()));
        clock.addAndGet(2 * SECOND);
        p.advance(10);
        assertEquals(0.0, p.etaSeconds());
        assertEquals(List.of("bias progress: 10/10 sentences (100%), 5.0 sentences/s, ETA -"), lines());
    }

    @Test
    void printsTheFirstCountAtOnceThenAtMostOncePerIntervalAndAlwaysTheLast() {
        Progress p = progress(100, new Pacing(1000, 30_000, true), false);
        p.advance(1);                                     // first: printed
        clock.addAndGet(SECOND / 2);
        p.advance(1);                                     // 0.5 s later: too soon
        clock.addAndGet(SECOND / 2);
        p.advance(1);                                     // 1 s after the first: printed
        p.advance(97);                                    // the last: printed however soon
        assertEquals(List.of("1/100", "3/100", "100/100"), lines().stream()
                .map(l -> l.replaceAll("^bias progress: (\\d+/\\d+).*$", "$1")).toList());
    }

    @Test
    void offATerminalOnlyTheLogIntervalCounts() {
        Progress p = progress(100, new Pacing(1000, 30_000, false), false);
        p.advance(1);
        clock.addAndGet(10 * SECOND);
        p.advance(1);                                     // 10 s: quiet off a terminal
        clock.addAndGet(20 * SECOND);
        p.advance(1);                                     // 30 s: a line
        assertEquals(2, lines().size());
        assertTrue(lines().get(1).startsWith("bias progress: 3/100 sentences (3%), 0.1 sentences/s"), lines().get(1));
    }

    @Test
    void longEtasReadInMinutesAndHours() {
        assertEquals("59 s", Progress.formatDuration(59.4));
        assertEquals("2 min 05 s", Progress.formatDuration(125));
        assertEquals("3 h 20 min", Progress.formatDuration(12_000));
    }
}
