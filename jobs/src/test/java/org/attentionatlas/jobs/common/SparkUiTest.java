package org.attentionatlas.jobs.common;

import org.attentionatlas.jobs.cli.AtlasCommand;
import org.attentionatlas.jobs.testing.ChildJvm;
import org.attentionatlas.results.ResultsLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --ui}: a bias run in a child JVM prints the web UI's address on 127.0.0.1 before any work, and nothing of the
 * kind with {@code --ui false}. The results folder is locked by this JVM, so each child stops (exit 2) right after
 * its session started.
 */
class SparkUiTest {

    private static final Pattern UI_LINE = Pattern.compile("(?m)^Spark UI: http://127\\.0\\.0\\.1:\\d+$");

    @TempDir
    Path dir;

    @Test
    void theUiAddressIsPrintedAtStartUnlessTurnedOff() throws Exception {
        Path out = Files.createDirectories(dir.resolve("results"));
        try (ResultsLock held = ResultsLock.acquire(out)) {
            String on = childBias(out, "true");
            assertTrue(UI_LINE.matcher(on).find(), on);
            assertTrue(on.contains("is in use by pid"), on);
            String off = childBias(out, "false");
            assertFalse(off.contains("Spark UI"), off);
            assertTrue(off.contains("is in use by pid"), off);
        }
    }

    private String childBias(Path out, String ui) throws Exception {
        Path log = dir.resolve("child-ui-" + ui + ".log");
        Process child = ChildJvm.builder(AtlasCommand.class.getName(), ChildJvm.command("bias", List.of("--ui", ui,
                "--output", out.toString(), "--master", "local[1]")), log).start();
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child bias run did not stop");
        String text = Files.readString(log);
        assertEquals(2, child.exitValue(), text);
        return text;
    }
}
