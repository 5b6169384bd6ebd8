package org.attentionatlas.engine.weights;

/** A checkpoint that cannot be used: missing, corrupt, of an unknown architecture or with weights of the wrong shape. */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
