package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.mlm.FillMask;
import org.attentionatlas.engine.mlm.MaskPredictions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/** {@code fill-mask --model NAME_OR_DIR --text "... [MASK] ..." --top K --json OUT.json}. */
public final class FillMaskCommand {

    static final Set<String> OPTIONS = Set.of("model", "text", "top", "json", "device");

    private FillMaskCommand() {
    }

    public static void run(List<String> argv, PrintStream console) throws IOException {
        CliArgs args = CliArgs.parse("fill-mask", argv, OPTIONS);
        String text = args.require("text");
        int top = args.intValue("top", 5);
        Path json = args.has("json") ? Paths.get(args.get("json", "")) : null;
        try (LoadedModel model = ModelLoader.withDefaultStore().load(args.require("model"),
                Devices.select(args.get("device", "auto")))) {
            List<MaskPredictions> masks = new FillMask(model).predict(text, top);
            if (json != null) {
                FillMaskOutput.writeJson(json, model.provenance().name(), text, masks);
            }
            FillMaskOutput.print(console, model.provenance().name(), text, masks);
            if (json != null) {
                console.println("wrote " + json.toAbsolutePath());
            }
        }
    }
}
