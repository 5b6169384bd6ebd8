package org.attentionatlas.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one command line: usage and every command's help exit 0; a wrong command line or a bad setting is one
 * {@code error:} line naming it, exit code 2, before any work and with nothing written.
 */
class AtlasCommandTest {

    private static final List<String> COMMANDS = List.of("inspect", "fill-mask", "contrast", "audit", "bias", "align", "importance", "sql", "report",
            "serve", "bench-engine", "bench-memory", "bench-audit", "bench-server",
            "attribute", "bench-attribute", "agreement");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AtlasCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit code 2 and exactly one line on stderr, which is returned. */
    private static String refused(String... args) {
        Result r = run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        return r.err().strip();
    }

    @Test
    void withoutACommandItPrintsTheUsageListingEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}}) {
            Result r = run(args);
            assertEquals(0, r.code(), r.err());
            for (String command : COMMANDS) {
                assertTrue(r.out().contains("  " + command + " "), command + " in " + r.out());
            }
        }
    }

    @Test
    void everyCommandsHelpListsItsOptionsWithDefaults() {
        Map<String, CommandLine> commands = AtlasCommand.cli().commandLine(new AtlasCommand()).getSubcommands();
        assertEquals(COMMANDS.stream().sorted().toList(), commands.keySet().stream().sorted().toList());
        for (String name : COMMANDS) {
            Result r = run(name, "--help");
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: atlas " + name), r.out());
            for (OptionSpec o : commands.get(name).getCommandSpec().options()) {
                assertTrue(r.out().contains(o.longestName()), name + " --help lacks " + o.longestName());
            }
        }
        String audit = run("audit", "--help").out();
        assertTrue(audit.contains("Default: 4096") && audit.contains("Default: minilm-l6"), audit);
        assertTrue(run("bias", "--help").out().contains("Default: 20260513"));
    }

    @Test
    void aMistypedCommandOrOptionNamesTheClosestValidOne() {
        assertEquals("error: atlas: Unmatched argument at index 0: 'audti'; did you mean audit? (see 'atlas --help')",
                refused("audti"));
        assertEquals("error: atlas audit: Unknown options: '--max-lenght', '128'; did you mean --max-length? "
                + "(see 'atlas audit --help')", refused("audit", "--max-lenght", "128"));
        assertTrue(refused("report", "--result", "r", "--out", "o").contains("did you mean --results?"));
        assertTrue(refused("serve", "--prot", "80").contains("did you mean --port?"));
    }

    @Test
    void anOverlongWindowOrStrideIsRefusedNotCapped() {
        Path out = dir.resolve("results");
        assertEquals("error: --max-length must be 0 (the model's maximum) or 3 to 8192 tokens, got 100000",
                refused("audit", "--max-length", "100000", "--output", out.toString()));
        assertEquals("error: --stride 600 must be smaller than --max-length 128",
                refused("audit", "--max-length", "128", "--stride", "600", "--output", out.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void anOutputThatIsAFileIsRefusedAtTheStart() throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "keep me");
        assertEquals("error: --output " + file + " is a file, not a results folder",
                refused("audit", "--output", file.toString()));
        assertEquals("error: --output " + file + " is a file, not a results folder",
                refused("bias", "--output", file.toString()));
        assertEquals("error: --output " + file + "/sub: " + file + " is a file, not a folder",
                refused("bias", "--output", file + "/sub"));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void reportNeverReplacesAFileOrAFolderThatIsNotAReport() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Path file = Files.writeString(dir.resolve("report.html"), "keep me");
        assertEquals("error: --out " + file + " is a file, not a report folder; not replacing it",
                refused("report", "--results", results.toString(), "--out", file.toString()));
        assertEquals("keep me", Files.readString(file));
        Path folder = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(folder.resolve("chapter1.tex"), "months of work");
        assertTrue(refused("report", "--results", results.toString(), "--out", folder.toString())
                .contains("is a folder that is not an Attention Atlas report"));
        assertEquals("months of work", Files.readString(folder.resolve("chapter1.tex")));
        assertEquals("error: --results " + dir.resolve("none") + " is not a results folder: it does not exist",
                refused("report", "--results", dir.resolve("none").toString(), "--out", dir.resolve("r").toString()));
        assertEquals("error: --scale must be in (0, 8], got 0.0",
                refused("report", "--results", results.toString(), "--out", dir.resolve("r").toString(), "--scale", "0"));
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void badSettingsOfTheOtherCommandsAreOneLine() throws Exception {
        assertEquals("error: --queue must be at least 1, got 0", refused("serve", "--queue", "0"));
        assertEquals("error: pairs file " + dir.resolve("none.src-tgt") + " does not exist",
                refused("bench-memory", "--align-pairs", dir.resolve("none.src-tgt").toString()));
        Path noPairs = Files.writeString(dir.resolve("no.src-tgt"), "only one side\n");
        assertEquals("error: pairs file " + noPairs + " has no 'src ||| tgt' line",
                refused("bench-memory", "--align-pairs", noPairs.toString()));
        assertEquals("error: --batch-size and --rounds must be positive, got 0 and 2",
                refused("bench-memory", "--align-pairs", noPairs.toString(), "--batch-size", "0"));
        assertEquals("error: unknown dataset 'bogus'; known: [winobias, winogender, crows-pairs, probes]",
                refused("bias", "--dataset", "bogus"));
        assertEquals("error: --input is required for dataset winobias", refused("bias", "--dataset", "winobias"));
        assertEquals("error: --split must be dev or test, got 'train'", refused("bias", "--split", "train"));
        assertEquals("error: --bootstrap must be positive, got 0", refused("bias", "--bootstrap", "0"));
        String seed = refused("bias", "--seed", "x");
        assertTrue(seed.contains("--seed") && seed.contains("'x'"), seed);
        assertEquals("error: --input " + dir.resolve("none.src-tgt") + " does not exist or is not a file",
                refused("align", "--model", "mbert-cased", "--input", dir.resolve("none.src-tgt").toString()));
        Path pairs = Files.writeString(dir.resolve("p.src-tgt"), "a ||| b\n");
        assertEquals("error: --gold " + dir.resolve("none.gold") + " does not exist or is not a file",
                refused("align", "--input", pairs.toString(), "--gold", dir.resolve("none.gold").toString()));
        assertEquals("error: --batch-size must be positive, got 0",
                refused("align", "--input", pairs.toString(), "--batch-size", "0"));
        assertEquals("error: results directory " + dir.resolve("none") + " does not exist",
                refused("sql", "--results", dir.resolve("none").toString(), "--query", "SELECT 1"));
    }
}
