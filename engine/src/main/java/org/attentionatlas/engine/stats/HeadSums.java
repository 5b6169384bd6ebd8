package org.attentionatlas.engine.stats;

import java.io.Serializable;

/**
 * Sums of the per-query statistics of every head over one or more sequences, with the number of query positions
 * and sequences summed. Sums (not means) so that partitions, batches and reruns merge exactly with {@link #add}:
 * mean = sum / queryTokens. Serializable, so Spark merges them directly (e.g. with {@code reduceByKey}).
 *
 * <p>Each head holds {@link DeviceSlot#SLOTS} slots: the {@link DeviceSlot} quantities, then the offset buckets.
 *
 * <p>For standard errors it also holds, per head and {@link HeadStat}, the second moments over sampling units (a
 * sequence from the engine, a whole document once the job calls {@link #asOneUnit()}): Σ_u y_u², Σ_u y_u·n_u and
 * Σ_u n_u², where y_u is the unit's sum of the statistic and n_u its query positions. They are kept per statistic,
 * not per slot, because a statistic over several slots (e.g. local8_mass over 17 offset buckets) needs the square of
 * their sum. The mean is a ratio of sums, so {@link #standardError} is the ratio estimator's.
 */
public final class HeadSums implements Serializable {

    private static final long serialVersionUID = 2L;

    static final int SLOTS = DeviceSlot.SLOTS;
    private static final int HIST = DeviceSlot.values().length;
    private static final int STATS = HeadStat.values().length;

    private final int layers;
    private final int heads;
    private final double[] sums;
    private long queryTokens;
    private long sequences;
    /** [layer][head][stat]: Σ over units of the unit's sum squared, and of the unit's sum × its query positions. */
    private final double[] squares;
    private final double[] timesTokens;
    private double queryTokensSquared;
    private long units;

    public HeadSums(int layers, int heads) {
        this.layers = layers;
        this.heads = heads;
        this.sums = new double[layers * heads * SLOTS];
        this.squares = new double[layers * heads * STATS];
        this.timesTokens = new double[layers * heads * STATS];
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

    /** The sampling units summed: sequences from the engine, documents after {@link #asOneUnit()}. */
    public long units() {
        return units;
    }

    /** Σ over units of (the unit's sum of {@code stat})². */
    public double sumOfSquares(HeadStat stat, int layer, int head) {
        return squares[statIndex(layer, head, stat)];
    }

    /** Σ over units of the unit's sum of {@code stat} × the unit's query positions. */
    public double sumTimesTokens(HeadStat stat, int layer, int head) {
        return timesTokens[statIndex(layer, head, stat)];
    }

    /** Σ over units of (the unit's query positions)². */
    public double queryTokensSquared() {
        return queryTokensSquared;
    }

    /**
     * The standard error of {@link #mean} with the units as independent draws (ratio estimator, delta method), or NaN
     * below two units.
     */
    public double standardError(HeadStat stat, int layer, int head) {
        int i = statIndex(layer, head, stat);
        return standardError(sum(stat, layer, head), queryTokens, squares[i], timesTokens[i], queryTokensSquared, units);
    }

    /**
     * SE of the ratio Σy / Σn over {@code units} units: √(N/(N−1) · Σ(y_u − R·n_u)²) / Σn with R = Σy / Σn, the
     * residual sum expanded as Σy² − 2R·Σyn + R²·Σn². NaN below two units or without query positions.
     */
    public static double standardError(double sum, double tokens, double sumSquares, double sumTimesTokens,
                                       double tokensSquared, long units) {
        if (units < 2 || tokens <= 0) {
            return Double.NaN;
        }
        double r = sum / tokens;
        double residual = sumSquares - 2 * r * sumTimesTokens + r * r * tokensSquared;
        return Math.sqrt(Math.max(0, residual) * units / (units - 1)) / tokens;
    }

    /**
     * A copy whose second moments treat everything summed so far as one sampling unit (e.g. all windows of one
     * document, which overlap and so are not independent draws).
     */
    public HeadSums asOneUnit() {
        HeadSums one = of(layers, heads, sums, queryTokens, sequences);
        one.addUnitMoments(sums, 0, queryTokens);
        return one;
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
        for (int i = 0; i < squares.length; i++) {
            squares[i] += other.squares[i];
            timesTokens[i] += other.timesTokens[i];
        }
        queryTokens += other.queryTokens;
        sequences += other.sequences;
        queryTokensSquared += other.queryTokensSquared;
        units += other.units;
        return this;
    }

    /** Adds one sequence's device-reduced slots, laid out [layer][head][slot], as one sampling unit. */
    void addSequence(float[] slots, int offset, long queries) {
        double[] one = new double[sums.length];
        for (int i = 0; i < sums.length; i++) {
            one[i] = slots[offset + i];
            sums[i] += one[i];
        }
        queryTokens += queries;
        sequences++;
        addUnitMoments(one, 0, queries);
    }

    /** Adds the second moments of one unit whose slots are {@code unit} ([layer][head][slot] from {@code from}). */
    private void addUnitMoments(double[] unit, int from, long queries) {
        HeadStat[] stats = HeadStat.values();
        for (int lh = 0; lh < layers * heads; lh++) {
            for (HeadStat stat : stats) {
                double y = stat.sum(unit, from + lh * SLOTS);
                squares[lh * STATS + stat.ordinal()] += y * y;
                timesTokens[lh * STATS + stat.ordinal()] += y * queries;
            }
        }
        queryTokensSquared += (double) queries * queries;
        units++;
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

    private int statIndex(int layer, int head, HeadStat stat) {
        return (layer * heads + head) * STATS + stat.ordinal();
    }

    private int index(int layer, int head, int slot) {
        return (layer * heads + head) * SLOTS + slot;
    }
}
