package org.attentionatlas.engine.agreement;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/** The share of the k highest-scored positions two score vectors have in common (ties broken by position). */
public final class TopKOverlap {

    private TopKOverlap() {
    }

    public static double of(double[] a, double[] b, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        int n = Math.min(k, a.length);
        if (n == 0) {
            return Double.NaN;
        }
        Set<Integer> top = top(a, n);
        top.retainAll(top(b, n));
        return top.size() / (double) n;
    }

    static Set<Integer> top(double[] v, int k) {
        return new HashSet<>(IntStream.range(0, v.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i))
                .limit(k).toList());
    }
}
