package org.attentionatlas.engine.progress;

/**
 * How often {@link Progress} prints: at most every {@code intervalMillis} on a terminal; when the output is not a
 * terminal (a log file, a pipe) at most every {@code logIntervalMillis}, so logs stay short.
 */
public record Pacing(long intervalMillis, long logIntervalMillis, boolean terminal) {

    /** Off a terminal, one line every 30 seconds. */
    public static final long DEFAULT_LOG_INTERVAL_MILLIS = 30_000;

    public Pacing {
        if (intervalMillis < 0 || logIntervalMillis < 0) {
            throw new IllegalArgumentException("progress intervals must not be negative, got " + intervalMillis
                    + " ms and " + logIntervalMillis + " ms");
        }
    }

    /** {@code intervalMillis} on a terminal, else the default log interval; whether this is a terminal asked of the JVM. */
    public static Pacing of(long intervalMillis) {
        return new Pacing(intervalMillis, DEFAULT_LOG_INTERVAL_MILLIS, System.console() != null);
    }

    /** The least time between two lines. */
    public long minMillis() {
        return terminal ? intervalMillis : Math.max(intervalMillis, logIntervalMillis);
    }
}
