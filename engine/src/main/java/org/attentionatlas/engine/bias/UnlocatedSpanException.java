package org.attentionatlas.engine.bias;

/** A span of a bias sentence that covers no (non-special) token of its encoding: the sentence is reported, not scored. */
public final class UnlocatedSpanException extends RuntimeException {

    public UnlocatedSpanException(String message) {
        super(message);
    }
}
