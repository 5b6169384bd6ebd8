package org.attentionatlas.engine.stats;

/**
 * Buckets of the signed offset key − query: exact for |offset| ≤ 8, then doubling ranges (9–16, 17–32, … 257–512,
 * and beyond 512), on both sides of 0. Bucket 15 is offset 0, 14 is −1 (previous token), 16 is +1 (next token).
 */
public final class OffsetBuckets {

    /** Lower bounds of |offset| per magnitude bucket; the last is open-ended. */
    private static final int[] MAGNITUDE_LOWER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 33, 65, 129, 257, 513};
    private static final int SIDE = MAGNITUDE_LOWER.length - 1;
    public static final int ZERO = SIDE;

    private OffsetBuckets() {
    }

    public static int count() {
        return 2 * SIDE + 1;
    }

    /** The bucket of a signed offset. */
    public static int of(int offset) {
        int m = magnitude(Math.abs(offset));
        return offset < 0 ? ZERO - m : ZERO + m;
    }

    private static int magnitude(int abs) {
        for (int m = MAGNITUDE_LOWER.length - 1; m >= 0; m--) {
            if (abs >= MAGNITUDE_LOWER[m]) {
                return m;
            }
        }
        throw new IllegalArgumentException("negative magnitude " + abs);
    }

    /** Smallest signed offset in the bucket (-Integer.MAX_VALUE for the open negative end). */
    public static int lower(int bucket) {
        int m = bucket - ZERO;
        if (m >= 0) {
            return MAGNITUDE_LOWER[m];
        }
        return -upperMagnitude(-m);
    }

    /** Largest signed offset in the bucket (Integer.MAX_VALUE for the open positive end). */
    public static int upper(int bucket) {
        int m = bucket - ZERO;
        if (m >= 0) {
            return upperMagnitude(m);
        }
        return -MAGNITUDE_LOWER[-m];
    }

    private static int upperMagnitude(int m) {
        return m == MAGNITUDE_LOWER.length - 1 ? Integer.MAX_VALUE : MAGNITUDE_LOWER[m + 1] - 1;
    }

    /** Number of distinct offsets in the bucket (for per-offset densities); open ends count as 512. */
    public static int width(int bucket) {
        long w = (long) upper(bucket) - lower(bucket) + 1;
        return w > 100_000 ? 512 : (int) w;
    }

    /** A label such as "-1", "+3", "+9..+16", "<-512" or ">+512". */
    public static String label(int bucket) {
        int lo = lower(bucket);
        int hi = upper(bucket);
        if (lo == -Integer.MAX_VALUE) {
            return "<" + (hi + 1);
        }
        if (hi == Integer.MAX_VALUE) {
            return ">+" + (lo - 1);
        }
        return lo == hi ? signed(lo) : signed(lo) + ".." + signed(hi);
    }

    private static String signed(int v) {
        return v > 0 ? "+" + v : Integer.toString(v);
    }
}
