package org.attentionatlas.udfs;

import java.io.Serializable;

/**
 * What an executor needs to run the engine: shipped with every task.
 *
 * @param model        short model name or checkpoint folder
 * @param modelsDir    models directory for short names, or null for the engine's default
 * @param device       cpu, gpu or auto
 * @param fp16         half precision when the device is a GPU
 * @param maxLength    longest window in tokens (0: the model's maximum)
 * @param stride       text tokens between window starts (0: half a window)
 * @param batchTokens  token budget of one forward pass (padded batch size × length)
 * @param batchSize    most sequences in one forward pass
 * @param torchThreads PyTorch intra-op threads per JVM (0: leave PyTorch's default)
 * @param chunkDocs    documents a task holds in memory at once (sorted and batched together)
 */
public record AuditSettings(String model, String modelsDir, String device, boolean fp16, int maxLength, int stride,
                            int batchTokens, int batchSize, int torchThreads, int chunkDocs) implements Serializable {

    /** The window length for a model that accepts {@code modelMax} tokens. */
    public int windowLength(int modelMax) {
        return maxLength <= 0 ? modelMax : Math.min(maxLength, modelMax);
    }

    /** The stride for windows of {@code window} tokens holding {@code specials} special tokens. */
    public int windowStride(int window, int specials) {
        int room = Math.max(1, window - specials);
        return stride <= 0 ? Math.max(1, room / 2) : Math.min(stride, room);
    }
}
