package org.attentionatlas.engine.importance;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One sequence with a seeded share of its tokens replaced by the mask token: the masked-LM inputs of head importance
 * and of the pruning curve. Every chosen token becomes {@code [MASK]} (no 80/10/10): the loss and accuracy then measure
 * prediction from context alone, and tokens left unchanged would be predicted trivially.
 *
 * @param input     the ids the model reads, masked
 * @param positions the masked positions, ascending
 * @param targets   the original ids at those positions
 */
public record MaskedSequence(int[] input, int[] positions, int[] targets) implements Serializable {

    /**
     * Masks round(rate · n) of the n non-special tokens (at least one), chosen uniformly by a generator seeded from
     * {@code seed} and {@code key} (e.g. the document id and window): the same sequence gets the same masks in every
     * run, task and partition.
     */
    public static MaskedSequence of(int[] ids, boolean[] special, int maskId, double rate, long seed, String key) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("mask rate must be in (0, 1], got " + rate);
        }
        int[] candidates = new int[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (!special[i]) {
                candidates[n++] = i;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the sequence has no token to mask (only special tokens)");
        }
        int k = Math.max(1, (int) Math.round(rate * n));
        SplittableRandom random = new SplittableRandom(seed ^ stableHash(key));
        for (int i = 0; i < k; i++) { // partial Fisher–Yates: the first k candidates become a uniform sample
            int j = i + random.nextInt(n - i);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int[] positions = Arrays.copyOf(candidates, k);
        Arrays.sort(positions);
        int[] input = ids.clone();
        int[] targets = new int[k];
        for (int i = 0; i < k; i++) {
            targets[i] = ids[positions[i]];
            input[positions[i]] = maskId;
        }
        return new MaskedSequence(input, positions, targets);
    }

    public int masked() {
        return positions.length;
    }

    /** FNV-1a over the UTF-8 bytes: the same in every JVM (String.hashCode is too, but only 32 bits). */
    static long stableHash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
