package org.attentionatlas.datasets.bias;

import org.attentionatlas.text.CharSpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds occupation names in a sentence as whole words, case-insensitively, longest name first (so "construction
 * worker" wins over "worker"). An occupation may carry a plural "s" ("the developers").
 */
final class OccupationFinder {

    record Match(String occupation, CharSpan span) {
    }

    private final List<String> names;

    OccupationFinder(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.names = sorted;
    }

    /** All non-overlapping matches, in text order. */
    List<Match> all(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Match> out = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + 1)) {
                int end = at + n.length();
                if (end < lower.length() && lower.charAt(end) == 's') {
                    end++;
                }
                if (isBoundary(lower, at - 1) && isBoundary(lower, end) && free(taken, at, end)) {
                    java.util.Arrays.fill(taken, at, end, true);
                    out.add(new Match(name, new CharSpan(at, end)));
                }
            }
        }
        out.sort(Comparator.comparingInt(m -> m.span().start()));
        return out;
    }

    /** The first match inside {@code [from, to)}. */
    Optional<Match> within(String text, int from, int to) {
        return all(text).stream().filter(m -> m.span().start() >= from && m.span().end() <= to).findFirst();
    }

    private static boolean isBoundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
