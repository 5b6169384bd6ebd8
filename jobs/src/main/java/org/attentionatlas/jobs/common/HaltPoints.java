package org.attentionatlas.jobs.common;

/**
 * Named points of the commit protocol where a test can make the job die as if killed with {@code kill -9}: with
 * {@code -Datlas.test.haltAt=POINT} the JVM halts there (no finally blocks, no shutdown hooks, exit status 137).
 */
public final class HaltPoints {

    public static final String PROPERTY = "atlas.test.haltAt";
    /** Every staged table renamed into place, the commit marker not yet written. */
    public static final String AFTER_RENAMES = "after-renames";
    /** The commit marker written, staging and superseded partitions not yet cleaned. */
    public static final String AFTER_MARKER = "after-marker";

    private HaltPoints() {
    }

    static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
