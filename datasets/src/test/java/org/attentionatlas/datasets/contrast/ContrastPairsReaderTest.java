package org.attentionatlas.datasets.contrast;

import org.attentionatlas.datasets.InputException;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContrastPairsReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheBundledWinoBiasPairs() {
        List<ContrastPair> pairs = ContrastPairsReader.read(Fixtures.dataset("contrast")
                .resolve("winobias_pro_anti.tsv"));
        assertEquals(8, pairs.size());
        ContrastPair first = pairs.get(0);
        assertEquals(4, first.line(), "after three comment lines");
        assertEquals("The developer argued with the designer because he did not like the design.", first.textA());
        assertEquals("The developer argued with the designer because she did not like the design.", first.textB());
        assertEquals("type1-1 pro/anti", first.label());
        assertEquals("type2-2 pro/anti", pairs.get(7).label());
    }

    @Test
    void labelIsOptionalAndBlankLinesAreSkipped() throws IOException {
        Path f = write("a b\ta c\n\nx y\tx z\tmine\n");
        List<ContrastPair> pairs = ContrastPairsReader.read(f);
        assertEquals(List.of(new ContrastPair(1, "a b", "a c", "line 1"), new ContrastPair(3, "x y", "x z", "mine")),
                pairs);
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        assertRefused(write("a\tb\nonly one column\n"), "line 2: expected text A<TAB>text B[<TAB>label], got 1 column");
        assertRefused(write("a\t \n"), "line 1: text B is empty");
        assertRefused(write("# nothing\n"), "holds no pair");
        Path latin1 = tmp.resolve("latin1.tsv");
        Files.write(latin1, new byte[] {'a', '\t', (byte) 0xE9, '\n'});
        assertRefused(latin1, "is not UTF-8");
        assertRefused(tmp.resolve("missing.tsv"), "is not a file");
    }

    private void assertRefused(Path f, String expected) {
        InputException e = assertThrows(InputException.class, () -> ContrastPairsReader.read(f));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(f.getFileName().toString()),
                e.getMessage());
    }

    private Path write(String content) throws IOException {
        Path f = Files.createTempFile(tmp, "pairs", ".tsv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
