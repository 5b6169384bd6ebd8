package org.attentionatlas.datasets.bias;

import org.attentionatlas.text.CharSpan;

/**
 * One WinoBias sentence with its brackets removed. Spans are character ranges of {@code text}: the two occupation
 * nouns (without their determiner) and the first pronoun that refers to the gold one.
 *
 * @param type            1 (world knowledge needed) or 2 (syntax suffices)
 * @param id              the line's id, shared with the aligned sentence of the other condition
 * @param gold            the antecedent occupation (the first bracketed span)
 * @param other           the other occupation of the sentence
 * @param pronoun         the first bracketed pronoun
 * @param file            source file name, with {@code line} for reports
 */
public record WinoBiasSentence(int type, Stereotype stereotype, int id, String text, String goldOccupation,
                               CharSpan gold, String otherOccupation, CharSpan other, CharSpan pronoun,
                               Gender pronounGender, String file, int line) {

    public String pronounText() {
        return pronoun.of(text);
    }
}
