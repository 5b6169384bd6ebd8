package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.engine.contrast.ContrastJson;
import org.attentionatlas.engine.contrast.ContrastRunner;
import org.attentionatlas.engine.contrast.Contrasts;
import org.attentionatlas.engine.contrast.TopHead;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.tokenize.TextInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code contrast --model A [--model-b B] --text-a TEXT [--text-b TEXT] --json OUT}: two runs compared head by head
 * on their aligned words (docs/contrast.md).
 */
@Command(name = "contrast", mixinStandardHelpOptions = true,
        description = "Compare the attention of two texts and/or two models, head by head, on their aligned words.")
public final class ContrastCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions model;

    @Option(names = "--model-b", paramLabel = "NAME_OR_DIR", description = "model of side B (default: --model)")
    private String modelB;

    @Option(names = "--text-a", paramLabel = "TEXT", required = true, description = "text of side A")
    private String textA;

    @Option(names = "--text-b", paramLabel = "TEXT", description = "text of side B (default: --text-a)")
    private String textB;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "where to write the contrast")
    private Path json;

    @Option(names = "--top", defaultValue = "10", description = "most different heads listed")
    private int top;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requireText("--text-a", textA);
        if (textB != null) {
            requireText("--text-b", textB);
        }
        if (top < 0) {
            throw new IllegalArgumentException("--top must be 0 or more, got " + top);
        }
        Contrasts.requireTwoRuns(model.model(), modelB, textA, textB);
        boolean twoModels = modelB != null && !modelB.equals(model.model());
        Contrast c;
        try (LoadedModel a = model.load();
             LoadedModel b = twoModels ? ModelLoader.withDefaultStore().load(modelB, Devices.select(model.device()))
                     : null) {
            c = ContrastRunner.run(a, b == null ? a : b, textA, textB == null ? textA : textB, top);
        }
        Contrast result = c;
        AtomicFiles.write(json, out -> ContrastJson.write(out, result));
        print(spec.commandLine().getOut(), c);
        return 0;
    }

    private static void requireText(String option, String text) {
        try {
            TextInput.requireText(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter out, Contrast c) {
        out.println("A: " + c.a().provenance().name() + ": " + c.a().encoding().text());
        out.println("B: " + c.b().provenance().name() + ": " + c.b().encoding().text());
        out.println("changed words: A " + words(c.a().words().labels(), c.diff().changedA()) + ", B "
                + words(c.b().words().labels(), c.diff().changedB()) + "; " + c.diff().size() + " aligned units");
        out.println("most different heads (mean Jensen–Shannon of aligned rows, nats; attention to changed words A − B):");
        for (TopHead t : c.topHeads()) {
            out.printf("  L%d H%-3d JS %.6f  Δchanged %+.4f%n", t.layer(), t.head(), t.divergence(), t.changedDelta());
        }
        out.println("rollout JS per layer: " + Arrays.stream(c.rollout().divergence())
                .mapToObj(d -> String.format("%.6f", d)).collect(Collectors.joining(" ")));
        if (c.flow() != null) {
            out.println("max-flow JS per layer: " + Arrays.stream(c.flow().divergence())
                    .mapToObj(d -> String.format("%.6f", d)).collect(Collectors.joining(" ")));
        } else {
            out.println("max-flow skipped: " + c.flowSkipped());
        }
        out.println("wrote " + json.toAbsolutePath());
    }

    private static String words(String[] labels, int[] units) {
        return Arrays.stream(units).mapToObj(u -> labels[u]).collect(Collectors.joining(" ", "[", "]"));
    }
}
