package org.attentionatlas.engine.hooks;

/**
 * The named activations a forward pass exposes, one hook point each (TransformerLens naming), so every analysis reads
 * the same captures instead of patching models. Shapes: B batch, T query positions, S key positions, H heads, Dh head
 * width, D model width.
 */
public enum HookKind {
    /** Residual stream entering a block, [B, T, D]. */
    RESID_PRE("hook_resid_pre"),
    /** Per-head queries, [B, H, T, Dh]. */
    Q("attn.hook_q"),
    /** Per-head keys, [B, H, S, Dh]. */
    K("attn.hook_k"),
    /** Per-head value vectors, [B, H, S, Dh]. */
    V("attn.hook_v"),
    /** Attention probabilities after softmax, [B, H, T, S]. */
    PATTERN("attn.hook_pattern"),
    /**
     * Log-probabilities of the pattern in float32, [B, H, T, S], fired just before {@link #PATTERN} of the same layer.
     * Listening to it makes the layer compute the pattern as exp(logSoftmax), so entropies need no extra log pass.
     */
    LOG_PATTERN("attn.hook_log_pattern"),
    /** Per-head mixed values (pattern · v), [B, H, T, Dh]. */
    Z("attn.hook_z"),
    /**
     * Norm of each key's transformed value ‖f_h(x_j)‖ = ‖(x_j·W_V^h + b_V^h)·W_O^h‖ in float32, [B, H, S], fired
     * before the layer's {@link #Q}; computed only when listened to. Norm-based attention (Kobayashi et al. 2020) is
     * the pattern times this, broadcast over queries.
     */
    VALUE_NORM("attn.hook_value_norm"),
    /** T5 decoder cross-attention probabilities over encoder positions, [B, H, T, S]. */
    CROSS_PATTERN("cross_attn.hook_pattern"),
    /** {@link #VALUE_NORM} of the T5 decoder's cross-attention over encoder positions, [B, H, S]. */
    CROSS_VALUE_NORM("cross_attn.hook_value_norm"),
    /** Residual stream leaving a block, [B, T, D]. */
    RESID_POST("hook_resid_post");

    private final String suffix;

    HookKind(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
