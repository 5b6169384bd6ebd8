package org.attentionatlas.engine.align;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The grid's order and the subword → word rules. */
class AlignGridTest {

    @Test
    void indexFollowsKeyOrder() {
        AlignGrid g = new AlignGrid(2, 3);
        List<AlignKey> keys = g.keys();
        assertEquals(2 * 3 + 2 + 6, g.size());
        assertEquals(g.size(), keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i, g.index(keys.get(i)));
        }
        assertEquals(new AlignKey(AlignMethod.ARGMAX, 0, -1), keys.get(3));
        assertEquals(new AlignKey(AlignMethod.HEAD, 1, 2), keys.get(g.size() - 1));
    }

    @Test
    void wordsAlignWhenAnySubwordsDo() {
        boolean[][] keep = {{false, true, false}, {false, false, false}, {true, false, false}};
        // subwords 0,1 → word 0, subword 2 → word 1; target subwords 0 → 0, 1,2 → 1
        assertEquals(Set.of(new Link(0, 1), new Link(1, 0)),
                WordLinks.fromSubwords(keep, new int[] {0, 0, 1}, new int[] {0, 1, 1}));
    }

    @Test
    void mutualArgmaxKeepsAgreement() {
        // row 0 → col 1 and col 1 → row 0: kept; row 1 → col 1 but col 1 → row 0: not; row 2 → col 0, col 0 → row 2
        assertEquals(Set.of(new Link(0, 1), new Link(2, 0)),
                WordLinks.mutualArgmax(new int[] {1, 1, 0}, new int[] {2, 0}, WordLinks.identity(3), WordLinks.identity(2)));
        assertEquals(Set.of(), WordLinks.mutualArgmax(new int[] {-1}, new int[] {0}, WordLinks.identity(1), WordLinks.identity(1)));
    }
}
