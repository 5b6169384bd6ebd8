package org.attentionatlas.results;

/** Which committed {@code run_id=R} partitions of a table readers see. */
public enum Partitioning {
    /** Every committed run's partition: the table is the union of all runs (documents, head_sums, runs, …). */
    EVERY_RUN,
    /**
     * Only the partition of the latest committed run that has one: a cumulative table each run writes in full
     * (head_stats), published by the same commit marker as the run's other tables.
     */
    LATEST_RUN
}
