package org.attentionatlas.engine.stats;

import java.io.Serializable;

/**
 * Sums of the per-query statistics of every head over one or more sequences, with the number of query positions
 * and sequences summed. Sums (not means) so that partitions, batches and reruns merge exactly with {@link #add}:
 * mean = sum / queryTokens. Serializable, so Spark merges them directly (e.g. with {@code reduceByKey}).
 *
 * <p>Each head holds {@link DeviceSlot#SLOTS} slots: the {@link DeviceSlot} quantities, then the offset buckets.
 */
public final class HeadSums implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int SLOTS = DeviceSlot.SLOTS;
    private static final int HIST = DeviceSlot.values().length;

    private final int layers;
    private final int heads;
    private final double[] sums;
    private long queryTokens;
    private long sequences;

    public HeadSums(int layers, int heads) {
        this.layers = layers;
        this.heads = heads;
        this.sums = new double[layers * heads * SLOTS];
    }

    public int layers() {
        return layers;
    }

    public int heads() {
        return heads;
    }

    public long queryTokens() {
        return queryTokens;
    }

    public long sequences() {
        return sequences;
    }

    /** Σ over query positions of one statistic. */
    public double sum(HeadStat stat, int layer, int head) {
        return stat.sum(sums, index(layer, head, 0));
    }

    /** The mean of one statistic over every query position summed (0 when nothing was summed). */
    public double mean(HeadStat stat, int layer, int head) {
        return queryTokens == 0 ? 0 : sum(stat, layer, head) / queryTokens;
    }

    /** Σ over query positions of the attention mass whose key − query offset falls in {@code bucket}. */
    public double offsetMass(int layer, int head, int bucket) {
        return sums[index(layer, head, HIST + bucket)];
    }

    /** Every offset bucket's mass of one head, in bucket order. */
    public double[] offsetMasses(int layer, int head) {
        int from = index(layer, head, HIST);
        return java.util.Arrays.copyOfRange(sums, from, from + OffsetBuckets.count());
    }

    /** Adds {@code other} into these sums and returns this (a reduce function). */
    public HeadSums add(HeadSums other) {
        if (other.layers != layers || other.heads != heads) {
            throw new IllegalArgumentException("cannot merge sums of " + other.layers + "x" + other.heads
                    + " heads into " + layers + "x" + heads);
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        queryTokens += other.queryTokens;
        sequences += other.sequences;
        return this;
    }

    /** Adds one sequence's device-reduced slots, laid out [layer][head][slot]. */
    void addSequence(float[] slots, int offset, long queries) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += slots[offset + i];
        }
        queryTokens += queries;
        sequences++;
    }

    /** Raw access for serialisation: [layer][head][slot] with {@link #slotsPerHead()} slots. */
    public double[] raw() {
        return sums;
    }

    /** Rebuilds sums from {@link #raw()} and the counts (e.g. read back from Parquet). */
    public static HeadSums of(int layers, int heads, double[] raw, long queryTokens, long sequences) {
        HeadSums s = new HeadSums(layers, heads);
        if (raw.length != s.sums.length) {
            throw new IllegalArgumentException("expected " + s.sums.length + " sums, got " + raw.length);
        }
        System.arraycopy(raw, 0, s.sums, 0, raw.length);
        s.queryTokens = queryTokens;
        s.sequences = sequences;
        return s;
    }

    public static int slotsPerHead() {
        return SLOTS;
    }

    private int index(int layer, int head, int slot) {
        return (layer * heads + head) * SLOTS + slot;
    }
}
