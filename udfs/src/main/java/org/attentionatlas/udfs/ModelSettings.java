package org.attentionatlas.udfs;

import java.io.Serializable;

/**
 * Which model an executor loads, and how: shipped with every task of the audit and bias jobs.
 *
 * @param model        short model name or checkpoint folder
 * @param modelsDir    models directory for short names, or null for the engine's default
 * @param device       cpu, gpu or auto
 * @param fp16         half precision when the device is a GPU
 * @param torchThreads PyTorch intra-op threads per JVM (0: leave PyTorch's default)
 */
public record ModelSettings(String model, String modelsDir, String device, boolean fp16, int torchThreads)
        implements Serializable {

    public ModelSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("--model is empty");
        }
        if (device == null || !java.util.List.of("cpu", "gpu", "auto").contains(device.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + device + "'");
        }
        if (torchThreads < 0) {
            throw new IllegalArgumentException("--torch-threads must be 0 or more, got " + torchThreads);
        }
    }
}
