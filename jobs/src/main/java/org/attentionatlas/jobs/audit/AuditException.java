package org.attentionatlas.jobs.audit;

/** A user-facing audit error (bad setting, unreadable model): printed as one line, exit code 2, nothing written. */
public final class AuditException extends RuntimeException {

    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
