package org.attentionatlas.engine.hooks;

/** One named activation of one layer, e.g. {@code blocks.2.attn.hook_pattern} or {@code decoder.blocks.0.cross_attn.hook_pattern}. */
public record HookPoint(Stack stack, int layer, HookKind kind) {

    public String name() {
        return stack.prefix() + "blocks." + layer + "." + kind.suffix();
    }

    @Override
    public String toString() {
        return name();
    }
}
