package org.attentionatlas.engine.stats;

/**
 * Sums of the per-query statistics of every head over one or more sequences, with the number of query positions
 * summed. Sums (not means) so that partitions, batches and reruns merge exactly: mean = sum / queryTokens.
 */
public final class HeadSums {

    /** Per-query quantities reduced on the device, in this order, followed by the offset buckets. */
    static final int ENTROPY = 0;
    static final int ENTROPY_NORM = 1;
    static final int MAX_WEIGHT = 2;
    static final int CLS = 3;
    static final int SEP = 4;
    static final int PUNCT = 5;
    static final int DISTANCE = 6;
    static final int HIST = 7;
    static final int SLOTS = HIST + OffsetBuckets.count();

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
        int base = index(layer, head, 0);
        switch (stat) {
            case ENTROPY: return sums[base + ENTROPY];
            case ENTROPY_NORM: return sums[base + ENTROPY_NORM];
            case MAX_WEIGHT: return sums[base + MAX_WEIGHT];
            case CLS_MASS: return sums[base + CLS];
            case SEP_MASS: return sums[base + SEP];
            case PUNCT_MASS: return sums[base + PUNCT];
            case DISTANCE: return sums[base + DISTANCE];
            case SELF_MASS: return offsetMass(layer, head, OffsetBuckets.ZERO);
            case PREV_MASS: return offsetMass(layer, head, OffsetBuckets.ZERO - 1);
            case NEXT_MASS: return offsetMass(layer, head, OffsetBuckets.ZERO + 1);
            case LOCAL1: return window(layer, head, 1);
            case LOCAL2: return window(layer, head, 2);
            case LOCAL4: return window(layer, head, 4);
            case LOCAL8: return window(layer, head, 8);
            default: throw new IllegalStateException("unhandled " + stat);
        }
    }

    /** The mean of one statistic over every query position summed (0 when nothing was summed). */
    public double mean(HeadStat stat, int layer, int head) {
        return queryTokens == 0 ? 0 : sum(stat, layer, head) / queryTokens;
    }

    /** Σ over query positions of the attention mass whose key − query offset falls in {@code bucket}. */
    public double offsetMass(int layer, int head, int bucket) {
        return sums[index(layer, head, HIST + bucket)];
    }

    private double window(int layer, int head, int w) {
        double s = 0;
        for (int off = -w; off <= w; off++) {
            s += offsetMass(layer, head, OffsetBuckets.of(off)); // buckets are exact up to |offset| 8
        }
        return s;
    }

    public void add(HeadSums other) {
        if (other.layers != layers || other.heads != heads) {
            throw new IllegalArgumentException("cannot merge sums of " + other.layers + "x" + other.heads
                    + " heads into " + layers + "x" + heads);
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        queryTokens += other.queryTokens;
        sequences += other.sequences;
    }

    /** Adds one sequence's device-reduced slots, laid out [layer][head][slot]. */
    void addSequence(float[] slots, int offset, long queries) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += slots[offset + i];
        }
        queryTokens += queries;
        sequences++;
    }

    /** Raw access for serialisation: [layer][head][slot] with {@link #SLOTS} slots. */
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
