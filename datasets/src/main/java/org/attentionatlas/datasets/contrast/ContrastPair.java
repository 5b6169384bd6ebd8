package org.attentionatlas.datasets.contrast;

/**
 * One line of a contrast pairs file: two texts and a label.
 *
 * @param line  1-based line in the file
 * @param label the third column, or "line N" when the line has none
 */
public record ContrastPair(long line, String textA, String textB, String label) {
}
