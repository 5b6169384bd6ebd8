package org.attentionatlas.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixturesTest {

    @TempDir
    Path tmp;

    @Test
    void thePropertyNamesTheRoot() throws IOException {
        Files.createDirectories(tmp.resolve("fixtures/golden"));
        assertEquals(tmp.toAbsolutePath().normalize(), Fixtures.findRoot(tmp.toString(), Path.of("/")));
    }

    @Test
    void aPropertyWithoutFixturesIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Fixtures.findRoot(tmp.toString(), tmp));
        assertTrue(e.getMessage().contains("-Datlas.root=" + tmp) && e.getMessage().contains("does not hold fixtures/golden"),
                e.getMessage());
    }

    @Test
    void withoutThePropertyTheRootIsFoundAboveTheWorkingFolder() throws IOException {
        Files.createDirectories(tmp.resolve("fixtures/golden"));
        Path deep = Files.createDirectories(tmp.resolve("engine/target/x"));
        assertEquals(tmp.toAbsolutePath().normalize(), Fixtures.findRoot(null, deep));
        assertEquals(tmp.toAbsolutePath().normalize(), Fixtures.findRoot(" ", deep));
    }

    @Test
    void noRootAnywhereSaysWhatToDo() throws IOException {
        Path lonely = Files.createDirectories(tmp.resolve("a/b"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixtures.findRoot(null, lonely));
        assertTrue(e.getMessage().contains("fixtures/golden not found in " + lonely) && e.getMessage().contains("-Datlas.root"),
                e.getMessage());
    }

    @Test
    void aMissingFixtureIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixtures.tinyModel("tiny-mamba"));
        assertTrue(e.getMessage().contains("tiny model fixtures/golden/tiny/tiny-mamba is missing"), e.getMessage());
    }

    @Test
    void realGoldenReadsTheCompressedReference() {
        JsonNode g = Fixtures.realGolden("minilm-l6");
        assertEquals(6, g.get("cases").size());
        assertEquals("The doctor asked the nurse to help her with the patient.", g.get("cases").get(0).get("text").asText());
        assertEquals(6, g.get("cases").get(0).get("attentions").size(), "six layers");
    }

    @Test
    void everyTinyModelHasItsThreeFiles() {
        for (String name : List.of("tiny-bert", "tiny-roberta", "tiny-gpt2", "tiny-t5")) {
            for (String file : List.of("config.json", "model.safetensors", "golden.json")) {
                assertTrue(Files.isRegularFile(Fixtures.tinyModel(name).resolve(file)), name + "/" + file);
            }
        }
    }

    @Test
    void everyDatasetSaysWhereItComesFrom() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.root().resolve("data"))) {
            List<Path> datasets = dirs.filter(Files::isDirectory).toList();
            assertEquals(7, datasets.size(), datasets.toString());
            for (Path d : datasets) {
                assertTrue(Files.isRegularFile(Fixtures.dataset(d.getFileName().toString()).resolve("SOURCE.md")),
                        d + " has SOURCE.md");
            }
        }
    }

    @Test
    void plainAndCompressedJsonReadAlike() throws IOException {
        String text = "{\"a\":[[1,2],[3,4.5]]}";
        Path plain = Files.writeString(tmp.resolve("x.json"), text);
        Path gz = tmp.resolve("x.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(Golden.json(plain), Golden.json(gz));
        assertEquals(List.of(1.0, 2.0, 3.0, 4.5), java.util.Arrays.stream(Golden.flatten(Golden.json(gz).get("a"))).boxed().toList());
    }

    @Test
    void assertCloseNamesTheWorstElement() {
        JsonNode expected = Golden.json(writeJson("[[0.5, 0.25], [0.125, 1.0]]"));
        Golden.assertClose("ok", expected, new float[] {0.5f, 0.25f, 0.125f, 1.00001f}, 1e-4);
        AssertionError e = assertThrows(AssertionError.class,
                () -> Golden.assertClose("m", expected, new float[] {0.5f, 0.26f, 0.125f, 1.1f}, 1e-4));
        assertTrue(e.getMessage().contains("at flat index 3"), e.getMessage());
    }

    private Path writeJson(String text) {
        try {
            return Files.writeString(tmp.resolve("e.json"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
