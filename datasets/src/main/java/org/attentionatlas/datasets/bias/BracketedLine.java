package org.attentionatlas.datasets.bias;

import org.attentionatlas.text.CharSpan;

import java.util.ArrayList;
import java.util.List;

/** A WinoBias line {@code <id> <sentence with [bracketed] spans>} parsed into plain text and span offsets. */
record BracketedLine(int id, String text, List<CharSpan> spans) {

    /** @throws IllegalArgumentException with the reason when the line is malformed */
    static BracketedLine parse(String line) {
        int space = line.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("expected '<id> <sentence>'");
        }
        int id;
        try {
            id = Integer.parseInt(line.substring(0, space));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id '" + line.substring(0, space) + "' is not a number");
        }
        String body = line.substring(space + 1);
        StringBuilder plain = new StringBuilder();
        List<CharSpan> spans = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[') {
                if (open >= 0) {
                    throw new IllegalArgumentException("nested '[' at character " + (space + 1 + i));
                }
                open = plain.length();
            } else if (c == ']') {
                if (open < 0) {
                    throw new IllegalArgumentException("']' without '[' at character " + (space + 1 + i));
                }
                int start = open;
                int end = plain.length();
                // brackets may hold stray spaces: keep the span on the words
                while (start < end && plain.charAt(start) == ' ') {
                    start++;
                }
                while (end > start && plain.charAt(end - 1) == ' ') {
                    end--;
                }
                if (end == start) {
                    throw new IllegalArgumentException("empty bracketed span");
                }
                spans.add(new CharSpan(start, end));
                open = -1;
            } else {
                plain.append(c);
            }
        }
        if (open >= 0) {
            throw new IllegalArgumentException("'[' never closed");
        }
        return new BracketedLine(id, plain.toString(), spans);
    }
}
