package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.attribution.AttributionJson;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.AttributionResult;
import org.attentionatlas.engine.attribution.TextAttributor;
import org.attentionatlas.engine.attribution.TokenAttribution;
import org.attentionatlas.engine.load.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code attribute --model M --text T --method saliency|grad-input|ig [--steps N] --target W | --compare-text T}. */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = "Gradient attribution of a model's prediction to the input tokens (saliency, gradient x input, "
                + "integrated gradients).")
public final class AttributeCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions options;

    @Option(names = "--text", paramLabel = "TEXT", required = true,
            description = "the text; with --target it holds one [MASK]")
    private String text;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "ig",
            description = "saliency (gradient L2 norm), grad-input (gradient . embedding) or ig (integrated gradients)")
    private String method;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "64",
            description = "integrated-gradients interpolation points, run as one batch")
    private int steps;

    @Option(names = "--target", paramLabel = "WORD",
            description = "models with an MLM head: F = log P(WORD) at the [MASK]")
    private String target;

    @Option(names = "--compare-text", paramLabel = "TEXT",
            description = "F = cosine of the mean-pooled sentence embeddings of --text and TEXT")
    private String compareText;

    @Option(names = "--baseline", paramLabel = "TOKEN", defaultValue = AttributionRequest.DEFAULT_BASELINE,
            description = "the token whose embedding replaces every non-special token's in the baseline, or 'zero'")
    private String baseline;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the attribution as JSON")
    private Path json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AttributionRequest request = new AttributionRequest(text, AttributionMethod.parse(method), steps, target,
                compareText, baseline);
        PrintWriter console = spec.commandLine().getOut();
        try (LoadedModel model = options.load()) {
            TextAttributor attributor = new TextAttributor(model);
            AttributionResult result = attributor.attribute(request);
            if (json != null) {
                AtomicFiles.write(json, out -> {
                    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                        AttributionJson.write(g, model.provenance(), result);
                    }
                });
            }
            print(console, model.provenance().name(), result);
            if (json != null) {
                console.println("wrote " + json.toAbsolutePath());
            }
        }
        return 0;
    }

    private static void print(PrintWriter console, String model, AttributionResult r) {
        AttributionRequest q = r.request();
        TokenAttribution v = r.values();
        console.printf("%s, %s: %s%n", model, q.method().cliName(), q.text());
        String target = r.maskIndex() >= 0 ? "log P(" + q.targetWord() + " at token " + r.maskIndex() + ")"
                : "cosine with \"" + q.compareText() + "\"";
        console.printf("  F = %s = %.6f; baseline (%s) %.6f%n", target, v.score(), r.baseline(), v.baselineScore());
        if (q.method() == AttributionMethod.IG) {
            console.printf("  completeness gap %.4f%% at %d steps%n", 100 * v.completenessGap(), q.steps());
        }
        for (int i = 0; i < r.tokens().length; i++) {
            console.printf("  %3d %-15s %+.6f%n", i, r.tokens()[i], v.scores()[i]);
        }
    }
}
