package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import picocli.CommandLine.Option;

/** The options every command that runs a model shares: {@code --model} and {@code --device}. */
public final class ModelOptions {

    @Option(names = "--model", paramLabel = "NAME_OR_DIR", defaultValue = "minilm-l6",
            description = "minilm-l6, bge-small-zh, bert-base-uncased, mbert-cased, or a checkpoint folder")
    private String model;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "cpu, gpu or auto (a GPU when PyTorch sees one)")
    private String device;

    public String model() {
        return model;
    }

    public String device() {
        return device;
    }

    /** Loads the model from the default models folder on the chosen device. */
    public LoadedModel load() {
        return ModelLoader.withDefaultStore().load(model, Devices.select(device));
    }
}
