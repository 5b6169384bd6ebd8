package org.attentionatlas.datasets.bias;

import org.attentionatlas.text.CharSpan;

/**
 * One WinoGender sentence, from {@code sentid = <occupation>.<participant>.<answer>.<gender>.txt}.
 *
 * @param answer     0: the pronoun refers to the occupation, 1: to the participant
 * @param occupationSpan the occupation word in {@code text}
 * @param pronounSpan    the pronoun: the first word that differs between the template's male and female sentences
 */
public record WinoGenderSentence(String sentId, String occupation, String participant, int answer, Gender gender,
                                 String text, CharSpan occupationSpan, CharSpan pronounSpan, int line) {

    public String pronoun() {
        return pronounSpan.of(text);
    }

    /** The template this sentence instantiates (shared by its male, female and neutral versions). */
    public String templateKey() {
        return occupation + "." + participant + "." + answer;
    }
}
