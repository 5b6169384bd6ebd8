package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

/**
 * Numeric precision of weights and activations. FP16 is for GPUs (about 5× faster than FP32 on an H100 for a
 * BERT-base forward); hooks still see half-precision activations, and statistics are reduced in FP32.
 */
public enum Precision {
    FP32(DataType.FLOAT32, -Float.MAX_VALUE),
    FP16(DataType.FLOAT16, -65504f);

    private final DataType dataType;
    private final float maskValue;

    Precision(DataType dataType, float maskValue) {
        this.dataType = dataType;
        this.maskValue = maskValue;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The additive mask value: the most negative finite number of the type, as HF uses (not -inf). */
    float maskValue() {
        return maskValue;
    }

    /** FP16 when asked for and the device is a GPU, else FP32 (half precision on CPU is slow and not what users want). */
    public static Precision choose(boolean fp16, Device device) {
        return fp16 && device.isGpu() ? FP16 : FP32;
    }

    static Precision of(DataType type) {
        for (Precision p : values()) {
            if (p.dataType == type) {
                return p;
            }
        }
        throw new IllegalArgumentException("unsupported activation type " + type);
    }
}
