package org.attentionatlas.text;

/** A character range {@code [start, end)} of a text, e.g. an occupation or a pronoun in a bias sentence. */
public record CharSpan(int start, int end) {

    public CharSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad character span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return otherStart < end && otherEnd > start;
    }
}
