package org.attentionatlas.jobs.common;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code version comes from what the build recorded, not from a git checkout at run time. */
class CodeVersionTest {

    @Test
    void versionPlusTheBuildsCommit() {
        Properties git = new Properties();
        git.setProperty("git.commit.id.abbrev", "b35aecdf328d");
        git.setProperty("git.dirty", "false");
        Properties version = new Properties();
        version.setProperty("version", "0.1.0-SNAPSHOT");
        assertEquals("0.1.0-SNAPSHOT+b35aecdf328d", CodeVersion.of(git, version));
        git.setProperty("git.dirty", "true");
        assertEquals("0.1.0-SNAPSHOT+b35aecdf328d.dirty", CodeVersion.of(git, version));
        assertEquals("0.1.0-SNAPSHOT", CodeVersion.of(new Properties(), version), "built outside a checkout");
    }

    /** In a git checkout the build records its commit; built elsewhere (or in a linked worktree) only the version. */
    @Test
    void thisBuildsVersionIsWhatTheBuildRecorded() throws Exception {
        Properties version = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream(CodeVersion.VERSION)) {
            version.load(in);
        }
        assertTrue(version.getProperty("version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.toString());
        try (InputStream in = CodeVersion.class.getResourceAsStream(CodeVersion.GIT)) {
            if (in == null) {
                assertEquals(version.getProperty("version"), CodeVersion.current());
                return;
            }
            Properties git = new Properties();
            git.load(in);
            String commit = git.getProperty("git.commit.id.abbrev");
            assertTrue(commit.matches("[0-9a-f]{12}"), commit);
            assertTrue(CodeVersion.current().matches(version.getProperty("version").replace(".", "\\.") + "\\+"
                    + commit + "(\\.dirty)?"), CodeVersion.current());
        }
    }
}
