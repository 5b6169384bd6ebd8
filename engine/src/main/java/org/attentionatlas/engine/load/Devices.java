package org.attentionatlas.engine.load;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;

/** Picks the device from a user setting: cpu, gpu, or auto (a GPU when one is visible). */
public final class Devices {

    private Devices() {
    }

    public static Device select(String setting) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw new IllegalArgumentException("device 'gpu' was requested but no GPU is visible to PyTorch");
                }
                return Device.gpu();
            case "auto":
                return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new IllegalArgumentException("unknown device '" + setting + "'; use cpu, gpu or auto");
        }
    }
}
