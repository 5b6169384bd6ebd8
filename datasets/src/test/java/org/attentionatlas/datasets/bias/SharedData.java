package org.attentionatlas.datasets.bias;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;

/** ../shared/datasets, from the {@code atlas.shared.dir} system property that surefire sets. */
final class SharedData {

    private SharedData() {
    }

    static Path dataset(String name) {
        String dir = System.getProperty("atlas.shared.dir");
        Path p = Paths.get(dir != null ? dir : "../../shared", "datasets", name);
        if (!Files.isDirectory(p)) {
            fail("dataset folder " + p.toAbsolutePath() + " not found (set -Datlas.shared.dir)");
        }
        return p;
    }
}
