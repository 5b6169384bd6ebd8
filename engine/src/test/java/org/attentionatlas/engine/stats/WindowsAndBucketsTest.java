package org.attentionatlas.engine.stats;

import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WindowsAndBucketsTest {

    @Test
    void bucketsAreExactNearZeroAndDoubleBeyond() {
        assertEquals(31, OffsetBuckets.count());
        assertEquals(15, OffsetBuckets.of(0));
        assertEquals(14, OffsetBuckets.of(-1));
        assertEquals(16, OffsetBuckets.of(1));
        assertEquals(OffsetBuckets.of(9), OffsetBuckets.of(16));
        assertEquals(OffsetBuckets.of(9) + 1, OffsetBuckets.of(17));
        assertEquals(30, OffsetBuckets.of(100_000));
        assertEquals(0, OffsetBuckets.of(-100_000));
        assertEquals("-1", OffsetBuckets.label(14));
        assertEquals("+9..+16", OffsetBuckets.label(OffsetBuckets.of(12)));
        assertEquals(">+512", OffsetBuckets.label(30));
        assertEquals("<-512", OffsetBuckets.label(0));
        assertEquals(8, OffsetBuckets.width(OffsetBuckets.of(-10)));
        for (int off = -600; off <= 600; off++) {
            int b = OffsetBuckets.of(off);
            assertEquals(true, OffsetBuckets.lower(b) <= off && off <= OffsetBuckets.upper(b), "offset " + off);
        }
    }

    @Test
    void longEncodingsAreSplitIntoOverlappingWindowsWithSpecials() {
        Encoding e = AttentionStatisticsTest.encoding("[CLS]", "a", "b", "c", "d", "e", "f", "g", "[SEP]");
        List<Encoding> w = Windows.split(e, 5, 2); // 3 text tokens per window, starts 0, 2, 4
        assertEquals(3, w.size());
        assertArrayEquals(new String[] {"[CLS]", "a", "b", "c", "[SEP]"}, w.get(0).tokens());
        assertArrayEquals(new String[] {"[CLS]", "c", "d", "e", "[SEP]"}, w.get(1).tokens());
        assertArrayEquals(new String[] {"[CLS]", "e", "f", "g", "[SEP]"}, w.get(2).tokens());
        assertEquals(3, Windows.count(e.length(), 2, 5, 2));
        assertEquals(List.of(e), Windows.split(e, 9, 2));
        assertThrows(IllegalArgumentException.class, () -> Windows.split(e, 5, 4));
    }
}
