package org.attentionatlas.engine.attention;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an attention matrix shows: the softmax weights α_ij, or the norm-based contributions ‖α_ij·f(x_j)‖ =
 * α_ij·‖f(x_j)‖ of Kobayashi et al. 2020, f(x) = (x·W_V + b_V)·W_O of the head (see docs/norms.md).
 */
public enum AttentionMeasure {
    WEIGHTS,
    NORMS;

    /** The name used on the command line and in the web API: {@code weights} or {@code norms}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code weights} or {@code norms} (null or blank: weights); anything else names the valid values. */
    public static AttentionMeasure parse(String option, String value) {
        if (value == null || value.isBlank()) {
            return WEIGHTS;
        }
        for (AttentionMeasure m : values()) {
            if (m.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(option + " '" + value + "' is not one of "
                + Arrays.stream(values()).map(AttentionMeasure::label).collect(Collectors.joining(", ")));
    }
}
