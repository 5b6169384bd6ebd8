package org.attentionatlas.engine.config;

import java.util.Locale;

/** Feed-forward activation functions, named as in HF configs. */
public enum Activation {
    /** Exact GELU, {@code 0.5·x·(1 + erf(x/√2))}: HF's "gelu". */
    GELU_ERF,
    /** Tanh approximation: HF's "gelu_new" / "gelu_pytorch_tanh". */
    GELU_TANH,
    RELU;

    public static Activation fromHfName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "gelu":
                return GELU_ERF;
            case "gelu_new":
            case "gelu_pytorch_tanh":
            case "gelu_fast":
                return GELU_TANH;
            case "relu":
                return RELU;
            default:
                throw new IllegalArgumentException("unsupported activation function '" + name + "'");
        }
    }
}
