package org.attentionatlas.jobs.common;

/**
 * A user-facing job error (bad setting, unreadable model): printed as one line, exit code 2, nothing written.
 */
public final class JobException extends RuntimeException {

    public JobException(String message) {
        super(message);
    }

    public JobException(String message, Throwable cause) {
        super(message, cause);
    }
}
