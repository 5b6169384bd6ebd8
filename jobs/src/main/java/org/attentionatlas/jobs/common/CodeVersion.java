package org.attentionatlas.jobs.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * The code version recorded with each run: the Maven project version, plus the git commit when the job runs inside
 * a checkout ({@code ATLAS_CODE_VERSION} overrides both, e.g. set by a submit script).
 */
public final class CodeVersion {

    private CodeVersion() {
    }

    public static String current() {
        String env = System.getenv("ATLAS_CODE_VERSION");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String commit = gitCommit(Paths.get("").toAbsolutePath());
        return projectVersion() + (commit == null ? "" : "+" + commit);
    }

    static String projectVersion() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("/org/attentionatlas/jobs/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** HEAD's commit of the nearest enclosing git checkout, read from the files (no git process), or null. */
    static String gitCommit(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (!Files.isDirectory(git)) {
                continue;
            }
            try {
                String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
                if (!head.startsWith("ref: ")) {
                    return head.substring(0, Math.min(12, head.length()));
                }
                String ref = head.substring(5);
                Path loose = git.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    return Files.readString(loose, StandardCharsets.UTF_8).trim().substring(0, 12);
                }
                Path packed = git.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                        if (line.endsWith(" " + ref)) {
                            return line.substring(0, 12);
                        }
                    }
                }
                return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
