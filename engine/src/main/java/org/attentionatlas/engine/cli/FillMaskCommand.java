package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.mlm.FillMask;
import org.attentionatlas.engine.mlm.MaskPredictions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fill-mask --model NAME_OR_DIR --text "... [MASK] ..." --top K --json OUT.json}. */
@Command(name = "fill-mask", mixinStandardHelpOptions = true,
        description = "The most probable tokens for each [MASK] of a text (models with an MLM head).")
public final class FillMaskCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions options;

    @Option(names = "--text", paramLabel = "TEXT", required = true, description = "a text holding [MASK]")
    private String text;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "predictions to list")
    private int top;

    @Option(names = "--json", paramLabel = "OUT.json", description = "also write the predictions as JSON")
    private Path json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be positive, got " + top);
        }
        PrintWriter console = spec.commandLine().getOut();
        try (LoadedModel model = options.load()) {
            List<MaskPredictions> masks = new FillMask(model).predict(text, top);
            if (json != null) {
                FillMaskOutput.writeJson(json, model.provenance().name(), text, masks);
            }
            FillMaskOutput.print(console, model.provenance().name(), text, masks);
            if (json != null) {
                console.println("wrote " + json.toAbsolutePath());
            }
        }
        return 0;
    }
}
