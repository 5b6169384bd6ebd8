package org.attentionatlas.datasets.align;

import java.util.List;
import java.util.regex.Pattern;

/** Splits a pre-tokenised side into words at any run of Unicode whitespace, as Python's {@code str.split()}. */
final class Words {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\x1c-\\x1f\\x85]+", Pattern.UNICODE_CHARACTER_CLASS);

    private Words() {
    }

    static List<String> split(String side) {
        String s = WHITESPACE.matcher(side).replaceAll(" ").strip();
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }
}
