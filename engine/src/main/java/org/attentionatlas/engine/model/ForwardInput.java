package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * One padded batch on the device.
 *
 * @param inputIds        [B, T] int64, right-padded
 * @param attentionMask   [B, T] float32, 1 for real tokens, 0 for padding
 * @param decoderInputIds [B, U] int64 for encoder-decoder models, else null
 * @param decoderMask     [B, U] float32 for encoder-decoder models, else null
 * @param tokenTypeIds    [B, T] int64 segment ids (BERT: 0 first segment, 1 second), or null: all 0
 */
public record ForwardInput(NDArray inputIds, NDArray attentionMask, NDArray decoderInputIds, NDArray decoderMask,
                           NDArray tokenTypeIds) {

    public ForwardInput(NDArray inputIds, NDArray attentionMask, NDArray decoderInputIds, NDArray decoderMask) {
        this(inputIds, attentionMask, decoderInputIds, decoderMask, null);
    }

    public static ForwardInput encoder(NDArray inputIds, NDArray attentionMask) {
        return new ForwardInput(inputIds, attentionMask, null, null);
    }

    public int batchSize() {
        return (int) inputIds.getShape().get(0);
    }

    public int length() {
        return (int) inputIds.getShape().get(1);
    }
}
