package org.attentionatlas.jobs.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditConfigTest {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideTheConfFileWhichOverridesDefaults() throws Exception {
        Path conf = dir.resolve("audit.properties");
        Files.writeString(conf, "batch-size = 8\nstride=32\ndevice=cpu\n");
        AuditConfig c = AuditConfig.fromArgs("--conf", conf.toString(), "--stride=16", "--fp16", "--model", "bge-small-zh");
        assertEquals(8, c.integer("batch-size"));
        assertEquals(16, c.integer("stride"));
        assertEquals("cpu", c.get("device"));
        assertTrue(c.flag("fp16"));
        assertEquals("bge-small-zh", c.get("model"));
        assertEquals(4096, c.integer("batch-tokens"));
        assertTrue(c.toJson().contains("\"stride\":\"16\""), c.toJson());
    }

    @Test
    void unknownKeysAndBadNumbersAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuditConfig.fromArgs("--bogus", "1"));
        assertTrue(e.getMessage().contains("bogus"));
        assertThrows(IllegalArgumentException.class, () -> AuditConfig.fromArgs("--stride", "many").integer("stride"));
        assertThrows(IllegalArgumentException.class, () -> AuditConfig.fromArgs("--conf", dir.resolve("none").toString()));
    }

    @Test
    void committedConfFileParses() {
        Path file = Path.of("../conf/audit.properties"); // surefire runs in the module folder
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath().toString());
        AuditConfig c = AuditConfig.fromArgs("--conf", file.toString());
        assertEquals("minilm-l6", c.get("model"));
        assertEquals(AuditConfig.defaults().asMap().keySet(), c.asMap().keySet());
    }
}
