package org.attentionatlas.jobs.audit;

import org.attentionatlas.udfs.AuditSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit's settings: defaults < conf file < flags, typed, and checked when built. */
class AuditConfigTest {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideTheConfFileWhichOverridesDefaults() throws Exception {
        Path conf = dir.resolve("audit.properties");
        Files.writeString(conf, "batch-size = 8\nstride=32\ndevice=cpu\n");
        AuditConfig c = AuditCommand.config("--conf", conf.toString(), "--stride=16", "--fp16", "--model", "bge-small-zh");
        AuditSettings e = c.engine();
        assertEquals(8, e.batchSize());
        assertEquals(16, e.stride());
        assertEquals("cpu", e.model().device());
        assertTrue(e.model().fp16());
        assertEquals("bge-small-zh", e.model().model());
        assertEquals(4096, e.batchTokens());
        assertEquals("results", c.output());
        assertNull(c.corpus().input(), "no input: the bundled corpus");
        assertTrue(c.toJson().contains("\"stride\":16"), c.toJson());
        assertTrue(c.toJson().contains("\"batchSize\":8"), c.toJson());
    }

    @Test
    void unknownKeysAndBadNumbersAreErrors() throws Exception {
        ParameterException e = assertThrows(ParameterException.class, () -> AuditCommand.config("--bogus", "1"));
        assertTrue(e.getMessage().contains("--bogus"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> AuditCommand.config("--stride", "many"));
        assertTrue(e.getMessage().contains("--stride") && e.getMessage().contains("many"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> AuditCommand.config("--conf", dir.resolve("none").toString()));
        assertTrue(e.getMessage().contains("none") && e.getMessage().contains("does not exist"), e.getMessage());
        Path conf = Files.writeString(dir.resolve("typo.properties"), "batchsize=8\n");
        e = assertThrows(ParameterException.class, () -> AuditCommand.config("--conf", conf.toString()));
        assertTrue(e.getMessage().contains("unknown setting 'batchsize'"), e.getMessage());
    }

    @Test
    void committedConfFileIsTheBuiltInDefaults() {
        Path file = Path.of("../conf/audit.properties"); // surefire runs in the module folder
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath().toString());
        assertEquals(AuditCommand.config().toJson(), AuditCommand.config("--conf", file.toString()).toJson());
        Set<String> options = new TreeSet<>();
        new CommandLine(new AuditCommand()).getCommandSpec().options()
                .forEach(o -> options.add(o.longestName().substring(2)));
        options.removeAll(Set.of("conf", "help", "version", "ui")); // --ui: the session's, shared by every Spark job
        assertEquals(options, new TreeSet<>(new AuditDefaults().keys()), "every audit option has its default there");
    }

    @Test
    void settingsAreCheckedWhenBuilt() throws Exception {
        assertEquals("--max-length must be 0 (the model's maximum) or 3 to 8192 tokens, got 100000",
                assertThrows(IllegalArgumentException.class, () -> AuditCommand.config("--max-length", "100000"))
                        .getMessage());
        assertEquals("--stride 128 must be smaller than --max-length 128", assertThrows(IllegalArgumentException.class,
                () -> AuditCommand.config("--max-length", "128", "--stride", "128")).getMessage());
        assertEquals("--batch-tokens must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> AuditCommand.config("--batch-tokens", "0")).getMessage());
        assertEquals("--sample-size must be 0 or more, got -1", assertThrows(IllegalArgumentException.class,
                () -> AuditCommand.config("--sample-size", "-1")).getMessage());
        assertEquals("--device must be cpu, gpu or auto, got 'tpu'", assertThrows(IllegalArgumentException.class,
                () -> AuditCommand.config("--device", "tpu")).getMessage());
        Path file = Files.writeString(dir.resolve("results.txt"), "keep me");
        assertEquals("--output " + file + " is a file, not a results folder", assertThrows(
                IllegalArgumentException.class, () -> AuditCommand.config("--output", file.toString())).getMessage());
        assertEquals(2000, AuditCommand.config("--max-length", "2000", "--stride", "1999").engine().maxLength(),
                "the model's own positions are checked when it is loaded");
    }
}
