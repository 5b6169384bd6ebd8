package org.attentionatlas.datasets.bias;

import org.attentionatlas.text.CharSpan;

/**
 * One project-authored probe sentence: an occupation and a pronoun in a template.
 *
 * @param template     index of the template within its language
 * @param occupationEn the English occupation name, the key for joining % female from WinoGender's statistics
 */
public record Probe(String id, String lang, int template, String occupation, String occupationEn, Gender gender,
                    String text, CharSpan occupationSpan, CharSpan pronounSpan) {

    public String pronoun() {
        return pronounSpan.of(text);
    }

    /** Probes that differ only in the pronoun share this key. */
    public String slotKey() {
        return lang + "." + template + "." + occupationEn;
    }
}
