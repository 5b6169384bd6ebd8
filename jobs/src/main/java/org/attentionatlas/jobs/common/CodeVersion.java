package org.attentionatlas.jobs.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The code version recorded with each run: the Maven project version plus the commit the jar was built from, both
 * written at build time (git-commit-id-maven-plugin's git.properties; version.properties when built outside a git
 * checkout). Nothing runs git at run time.
 */
public final class CodeVersion {

    static final String GIT = "/org/attentionatlas/jobs/git.properties";
    static final String VERSION = "/org/attentionatlas/jobs/version.properties";

    private CodeVersion() {
    }

    /** {@code VERSION+COMMIT}, {@code VERSION+COMMIT.dirty} for uncommitted changes, or {@code VERSION}. */
    public static String current() {
        return of(load(GIT), load(VERSION));
    }

    static String of(Properties git, Properties version) {
        String v = version.getProperty("version", "unknown");
        String commit = git.getProperty("git.commit.id.abbrev");
        if (commit == null || commit.isBlank()) {
            return v;
        }
        return v + "+" + commit + ("true".equals(git.getProperty("git.dirty")) ? ".dirty" : "");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
