package org.attentionatlas.datasets.align;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of awesome-align gold: items {@code i-j} (sure) or {@code ipj} (possible), 1-based, separated by
 * whitespace. Malformed items and links outside the sentence become rejects; the rest is kept (possible includes
 * sure, duplicates count once).
 */
final class GoldLine {

    private static final Pattern ITEM = Pattern.compile("(\\d+)([-p])(\\d+)");

    final int[] sure;
    final int[] possible;
    final List<AlignReject> rejects = new ArrayList<>();

    GoldLine(String text, String file, long line, int srcWords, int tgtWords) {
        Set<Long> s = new LinkedHashSet<>();
        Set<Long> p = new LinkedHashSet<>();
        for (String item : Words.split(text)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                rejects.add(new AlignReject(file, line, "malformed link item '" + item + "'"));
                continue;
            }
            long i;
            long j;
            try {
                i = Long.parseLong(m.group(1));
                j = Long.parseLong(m.group(3));
            } catch (NumberFormatException e) {
                rejects.add(new AlignReject(file, line, "malformed link item '" + item + "'"));
                continue;
            }
            if (i < 1 || j < 1 || i > srcWords || j > tgtWords) {
                rejects.add(new AlignReject(file, line, "link " + item + " outside the sentence (" + srcWords
                        + " source words, " + tgtWords + " target words)"));
                continue;
            }
            long key = (i - 1) << 32 | (j - 1);
            p.add(key);
            if (m.group(2).equals("-")) {
                s.add(key);
            }
        }
        sure = flat(s);
        possible = flat(p);
    }

    private static int[] flat(Set<Long> links) {
        int[] out = new int[2 * links.size()];
        int k = 0;
        for (long key : links) {
            out[k++] = (int) (key >>> 32);
            out[k++] = (int) key;
        }
        return out;
    }
}
