package org.attentionatlas.engine.attribution;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a token's score is derived from the gradient of the target with respect to its word embedding e. */
public enum AttributionMethod {
    /** ‖∂F/∂e‖₂ (Simonyan et al. 2014): unsigned. */
    SALIENCY("saliency"),
    /** ∂F/∂e · e (Shrikumar et al. 2016): signed. */
    GRAD_INPUT("grad-input"),
    /** (e − e′) · mean over the path of ∂F/∂e (Sundararajan et al. 2017): signed, sums to F(x) − F(baseline). */
    IG("ig");

    private final String cliName;

    AttributionMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static AttributionMethod parse(String name) {
        for (AttributionMethod m : values()) {
            if (m.cliName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown attribution method '" + name + "'; use one of "
                + Arrays.stream(values()).map(AttributionMethod::cliName).collect(Collectors.joining(", ")));
    }
}
