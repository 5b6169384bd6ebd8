package org.attentionatlas.datasets.bias;

import java.util.Optional;

/** Our cultural-bias categories: the nine CrowS-Pairs bias types, by their CSV label. */
public enum CulturalBias {
    RACE("race-color"),
    GENDER("gender"),
    RELIGION("religion"),
    NATIONALITY("nationality"),
    AGE("age"),
    DISABILITY("disability"),
    SEXUAL_ORIENTATION("sexual-orientation"),
    PHYSICAL_APPEARANCE("physical-appearance"),
    SOCIOECONOMIC("socioeconomic");

    private final String label;

    CulturalBias(String label) {
        this.label = label;
    }

    /** The CrowS-Pairs label, e.g. {@code race-color}. */
    public String label() {
        return label;
    }

    public static Optional<CulturalBias> ofLabel(String label) {
        for (CulturalBias b : values()) {
            if (b.label.equals(label.strip())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
