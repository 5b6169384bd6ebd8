package org.attentionatlas.datasets.bias;

import java.util.Locale;
import java.util.Optional;

/** Grammatical gender of an English (or Chinese) third-person pronoun. */
public enum Gender {
    MALE, FEMALE, NEUTRAL;

    /** he/him/his/himself/他 → MALE, she/her/hers/herself/她 → FEMALE, they/them/their/theirs/themselves → NEUTRAL. */
    public static Optional<Gender> ofPronoun(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "he": case "him": case "his": case "himself": case "他":
                return Optional.of(MALE);
            case "she": case "her": case "hers": case "herself": case "她":
                return Optional.of(FEMALE);
            case "they": case "them": case "their": case "theirs": case "themselves": case "themself":
                return Optional.of(NEUTRAL);
            default:
                return Optional.empty();
        }
    }

    public static Optional<Gender> ofLabel(String label) {
        for (Gender g : values()) {
            if (g.name().equalsIgnoreCase(label)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
