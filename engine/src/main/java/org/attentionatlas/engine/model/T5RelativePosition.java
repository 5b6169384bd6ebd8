package org.attentionatlas.engine.model;

/** T5's relative position buckets, computed as HF does (float32 log scale, truncation toward zero). */
final class T5RelativePosition {

    private T5RelativePosition() {
    }

    /** Bucket of each (query, key) pair, row-major [queries × keys]. */
    static long[] buckets(int queries, int keys, boolean bidirectional, int numBuckets, int maxDistance) {
        long[] out = new long[queries * keys];
        for (int q = 0; q < queries; q++) {
            for (int k = 0; k < keys; k++) {
                out[q * keys + k] = bucket(k - q, bidirectional, numBuckets, maxDistance);
            }
        }
        return out;
    }

    static int bucket(int relative, boolean bidirectional, int numBuckets, int maxDistance) {
        int base = 0;
        int n = numBuckets;
        int distance;
        if (bidirectional) {
            n /= 2;
            if (relative > 0) {
                base = n;
            }
            distance = Math.abs(relative);
        } else {
            distance = -Math.min(relative, 0);
        }
        int maxExact = n / 2;
        if (distance < maxExact) {
            return base + distance;
        }
        float ratio = (float) Math.log((float) distance / maxExact);
        float scaled = ratio / (float) Math.log((double) maxDistance / maxExact) * (n - maxExact);
        int large = maxExact + (int) scaled;
        return base + Math.min(large, n - 1);
    }
}
