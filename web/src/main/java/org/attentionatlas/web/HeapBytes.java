package org.attentionatlas.web;

import org.attentionatlas.engine.attention.ValueNorms;
import org.attentionatlas.engine.tokenize.Encoding;

/**
 * Heap footprint of the arrays an {@link Inference} holds, as HotSpot lays them out on a 64-bit JVM with compressed
 * references: a 16-byte array header, 4-byte elements or references, every object padded to 8 bytes; a String is a
 * 24-byte object plus its byte array (one byte per char when Latin-1, else two). Every row of a matrix is an array of
 * its own, so a [layers][heads][T][T] float array costs a header per row on top of its 4·T² bytes per head.
 */
final class HeapBytes {

    private static final long HEADER = 16;
    private static final long STRING = 24;

    private HeapBytes() {
    }

    static long of(float[][][][] a) {
        if (a == null) {
            return 0;
        }
        long bytes = references(a.length);
        for (float[][][] b : a) {
            bytes += references(b.length);
            for (float[][] c : b) {
                bytes += references(c.length);
                for (float[] d : c) {
                    bytes += array(d.length, 4);
                }
            }
        }
        return bytes;
    }

    /** The value norms of a run, [layer][head][key] for each attention kind (0 when there are none). */
    static long of(ValueNorms n) {
        return n == null ? 0 : of(n.attentions()) + of(n.decoderAttentions()) + of(n.crossAttentions());
    }

    static long of(float[][][] a) {
        if (a == null) {
            return 0;
        }
        long bytes = references(a.length);
        for (float[][] b : a) {
            bytes += references(b.length);
            for (float[] c : b) {
                bytes += array(c.length, 4);
            }
        }
        return bytes;
    }

    static long of(int[] a) {
        return a == null ? 0 : ofInts(a.length);
    }

    static long ofInts(int n) {
        return array(n, 4);
    }

    static long of(String[] strings) {
        long bytes = references(strings.length);
        for (String s : strings) {
            bytes += of(s);
        }
        return bytes;
    }

    static long of(String s) {
        if (s == null) {
            return 0;
        }
        boolean latin1 = s.chars().allMatch(c -> c < 256);
        return STRING + array(s.length(), latin1 ? 1 : 2);
    }

    static long of(Encoding e) {
        int n = e.length();
        return of(e.tokens()) + 4 * ofInts(n) + array(n, 1) + of(e.text());
    }

    private static long references(int n) {
        return array(n, 4);
    }

    private static long array(long n, int elementBytes) {
        return pad(HEADER + n * elementBytes);
    }

    private static long pad(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
