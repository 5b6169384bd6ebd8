package org.attentionatlas.datasets;

/** A corpus input that cannot be used (missing path, empty file, missing text column…): the message names it. */
public final class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
