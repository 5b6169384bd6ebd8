package org.attentionatlas.jobs.report;

import ai.djl.Device;
import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.engine.contrast.ContrastRunner;
import org.attentionatlas.engine.contrast.TopHead;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.jobs.cli.AtlasCommand;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.reports.data.LabelledContrast;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report --contrast PAIRS.tsv}: the contrast section of two bundled WinoBias pairs, and bad pairs files. */
class ContrastReportTest {

    @TempDir
    Path dir;

    @Test
    void rendersTheContrastSectionWithTheEnginesNumbers() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.dataset("contrast").resolve("winobias_pro_anti.tsv"));
        Path pairs = Files.write(dir.resolve("pairs.tsv"), lines.subList(3, 5), StandardCharsets.UTF_8);
        List<LabelledContrast> contrasts = ReportCommand.contrasts(pairs, "minilm-l6");
        assertEquals(List.of("type1-1 pro/anti", "type1-2 pro/anti"), contrasts.stream().map(LabelledContrast::label)
                .toList());
        Path results = Files.createDirectories(dir.resolve("no-runs"));
        Path out = dir.resolve("report");
        Path index = ReportCommand.run(SharedSpark.get(), results.toString(), null, out,
                ReportOptions.defaults().withContrasts(contrasts));
        String html = Files.readString(index, StandardCharsets.UTF_8);

        String[] first = lines.get(3).split("\t");
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            Contrast c = ContrastRunner.run(model, model, first[0], first[1], 10);
            TopHead top = c.topHeads().get(0);
            String row = "<td>type1-1 pro/anti</td><td>minilm-l6</td><td>he → she</td><td>" + c.diff().size()
                    + "</td><td>L" + top.layer() + " H" + top.head() + "</td><td>"
                    + String.format(Locale.ROOT, "%.5f", top.divergence()) + "</td>";
            assertTrue(html.contains(row), "summary row " + row + " in " + html);
        }
        assertTrue(html.contains("<h2>Contrast</h2>"), html);
        assertTrue(html.contains("her → his"), "the second pair's changed words");
        for (String figure : List.of("contrast-type1-1-pro-anti-grid", "contrast-type1-1-pro-anti-top",
                "contrast-type1-2-pro-anti-grid")) {
            assertTrue(Files.isRegularFile(out.resolve("figures").resolve(figure + ".png")), figure);
            assertTrue(Files.isRegularFile(out.resolve("figures").resolve(figure + ".svg")), figure);
        }
    }

    @Test
    void badPairsFilesStopTheReportBeforeAnyOutput() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Path out = dir.resolve("report");
        Path same = Files.writeString(dir.resolve("same.tsv"), "a b\ta c\nsame text\tsame text\tx\n");
        assertEquals("error: " + same + " line 2: text A and text B are the same; nothing to contrast",
                refused("report", "--results", results.toString(), "--out", out.toString(), "--contrast",
                        same.toString()));
        Path oneColumn = Files.writeString(dir.resolve("one.tsv"), "only one text\n");
        assertTrue(refused("report", "--results", results.toString(), "--out", out.toString(), "--contrast",
                oneColumn.toString()).contains("line 1: expected text A<TAB>text B[<TAB>label], got 1 column"));
        Path disjoint = Files.writeString(dir.resolve("disjoint.tsv"), "Cats sleep.\tDogs bark!\n");
        assertTrue(refused("report", "--results", results.toString(), "--out", out.toString(), "--contrast",
                disjoint.toString()).contains("line 1: text A and text B share no word"));
        assertFalse(Files.exists(out));
    }

    private static String refused(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AtlasCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertEquals(1, e.strip().lines().count(), e);
        return e.strip();
    }
}
