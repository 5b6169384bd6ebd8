package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/** Right-pads sequences of ids into one batch with an attention mask. */
public final class PaddedBatch {

    private PaddedBatch() {
    }

    /** An encoder (or decoder-only) batch. */
    public static ForwardInput of(NDManager manager, List<int[]> sequences, int padId) {
        NDArray[] idsAndMask = pad(manager, sequences, padId);
        return ForwardInput.encoder(idsAndMask[0], idsAndMask[1]);
    }

    /** An encoder batch of segment pairs: {@code types} holds each sequence's token type ids (padding gets 0). */
    public static ForwardInput withTypes(NDManager manager, List<int[]> sequences, List<int[]> types, int padId) {
        if (sequences.size() != types.size()) {
            throw new IllegalArgumentException(sequences.size() + " sequences but " + types.size() + " type sequences");
        }
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i).length != types.get(i).length) {
                throw new IllegalArgumentException("sequence " + i + " has " + sequences.get(i).length
                        + " tokens but " + types.get(i).length + " token types");
            }
        }
        NDArray[] idsAndMask = pad(manager, sequences, padId);
        NDArray[] typeIds = pad(manager, types, 0);
        return new ForwardInput(idsAndMask[0], idsAndMask[1], null, null, typeIds[0]);
    }

    /** An encoder-decoder batch. */
    public static ForwardInput of(NDManager manager, List<int[]> sequences, List<int[]> decoderSequences, int padId) {
        if (sequences.size() != decoderSequences.size()) {
            throw new IllegalArgumentException(sequences.size() + " encoder inputs but " + decoderSequences.size()
                    + " decoder inputs");
        }
        NDArray[] enc = pad(manager, sequences, padId);
        NDArray[] dec = pad(manager, decoderSequences, padId);
        return new ForwardInput(enc[0], enc[1], dec[0], dec[1]);
    }

    private static NDArray[] pad(NDManager manager, List<int[]> sequences, int padId) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        int b = sequences.size();
        int t = 0;
        for (int[] s : sequences) {
            if (s.length == 0) {
                throw new IllegalArgumentException("a sequence in the batch has no tokens");
            }
            t = Math.max(t, s.length);
        }
        long[] ids = new long[b * t];
        float[] mask = new float[b * t];
        java.util.Arrays.fill(ids, padId);
        for (int i = 0; i < b; i++) {
            int[] s = sequences.get(i);
            for (int j = 0; j < s.length; j++) {
                ids[i * t + j] = s[j];
                mask[i * t + j] = 1f;
            }
        }
        Shape shape = new Shape(b, t);
        return new NDArray[] {manager.create(ids, shape), manager.create(mask, shape)};
    }
}
