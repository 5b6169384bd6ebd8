package org.attentionatlas.datasets.align;

import org.attentionatlas.datasets.InputException;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The awesome-align and Tatoeba readers, and every kind of reject. */
class AlignmentReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void awesomeAlignLinesWithSureAndPossible() throws Exception {
        Path pairs = write("deen.src-tgt", "Das  ist\tgut . |||  that is good .  ", "ja ||| yes");
        Path gold = write("deen.gold", "1-1 2-2 3p3 4-4 2-2", "1p1");
        AlignCorpus c = AlignmentReader.read(pairs, gold);
        assertEquals("deen", c.languagePair());
        assertTrue(c.gold());
        assertEquals(List.of(), c.rejects());
        AlignedPair p = c.pairs().get(0);
        assertEquals(List.of("Das", "ist", "gut", "."), p.src());
        assertEquals(List.of("that", "is", "good", "."), p.tgt());
        assertEquals(1, p.line());
        assertArrayEquals(new int[] {0, 0, 1, 1, 3, 3}, p.sure());              // 0-based, duplicate once
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3}, p.possible());    // possible includes sure
        assertArrayEquals(new int[] {}, c.pairs().get(1).sure());
        assertArrayEquals(new int[] {0, 0}, c.pairs().get(1).possible());
    }

    @Test
    void withoutGoldLinksOnly() throws Exception {
        AlignCorpus c = AlignmentReader.read(write("x.src-tgt", "a b ||| c"), null);
        assertFalse(c.gold());
        assertFalse(c.pairs().get(0).hasGold());
    }

    @Test
    void malformedItemsAndLinksOutsideAreRejectedThePairKept() throws Exception {
        Path pairs = write("p.src-tgt", "a b ||| c d e");
        Path gold = write("p.gold", "1-1 x-2 1_2 3-1 2-4 0-1 2p3");
        AlignCorpus c = AlignmentReader.read(pairs, gold);
        assertEquals(1, c.pairs().size());
        assertArrayEquals(new int[] {0, 0}, c.pairs().get(0).sure());
        assertArrayEquals(new int[] {0, 0, 1, 2}, c.pairs().get(0).possible());
        List<String> reasons = c.rejects().stream().map(AlignReject::reason).toList();
        assertEquals(List.of("malformed link item 'x-2'", "malformed link item '1_2'",
                "link 3-1 outside the sentence (2 source words, 3 target words)",
                "link 2-4 outside the sentence (2 source words, 3 target words)",
                "link 0-1 outside the sentence (2 source words, 3 target words)"), reasons);
        c.rejects().forEach(r -> {
            assertEquals(gold.toString(), r.file());
            assertEquals(1, r.line());
        });
    }

    @Test
    void emptySideAndMissingSeparatorAreRejected() throws Exception {
        Path pairs = write("p.src-tgt", "a ||| b", " ||| b", "a |||   ", "a b c", "d ||| e");
        Path gold = write("p.gold", "1-1", "1-1", "1-1", "1-1", "1-1");
        AlignCorpus c = AlignmentReader.read(pairs, gold);
        assertEquals(List.of(1L, 5L), c.pairs().stream().map(AlignedPair::line).toList());
        assertEquals(List.of(
                new AlignReject(pairs.toString(), 2, "empty source side"),
                new AlignReject(pairs.toString(), 3, "empty target side"),
                new AlignReject(pairs.toString(), 4, "no '|||' between source and target")), c.rejects());
    }

    @Test
    void lineCountsThatDifferRejectEveryUnmatchedLine() throws Exception {
        Path pairs = write("p.src-tgt", "a ||| b", "c ||| d", "e ||| f");
        Path gold = write("p.gold", "1-1");
        AlignCorpus c = AlignmentReader.read(pairs, gold);
        assertEquals(1, c.pairs().size());
        String why = "no matching line in " + gold + " (3 pair lines, 1 gold lines)";
        assertEquals(List.of(new AlignReject(pairs.toString(), 2, why), new AlignReject(pairs.toString(), 3, why)),
                c.rejects());

        Path longGold = write("q.gold", "1-1", "1-1");
        AlignCorpus d = AlignmentReader.read(write("q.src-tgt", "a ||| b"), longGold);
        assertEquals(1, d.pairs().size());
        assertEquals(List.of(new AlignReject(longGold.toString(), 2,
                "no matching line in " + dir.resolve("q.src-tgt") + " (1 pair lines, 2 gold lines)")), d.rejects());
    }

    @Test
    void missingFilesAreInputErrors() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> AlignmentReader.read(dir.resolve("none.src-tgt"), null));
        assertEquals("pairs file " + dir.resolve("none.src-tgt") + " does not exist", e.getMessage());
        Path pairs = write("p.src-tgt", "a ||| b");
        e = assertThrows(InputException.class, () -> AlignmentReader.read(pairs, dir.resolve("none.gold")));
        assertEquals("gold file " + dir.resolve("none.gold") + " does not exist", e.getMessage());
    }

    @Test
    void tatoebaTsvOtherLanguageIsTheSource() throws Exception {
        Path tsv = write("tatoeba.fra-eng.tsv", "orig_line\teng\tfra", "0\tWe agree.\tNous sommes d'accord.",
                "1\tOnly two\t", "2\tbroken");
        AlignCorpus c = AlignmentReader.read(tsv, null);
        assertEquals("fra-eng", c.languagePair());
        assertEquals(1, c.pairs().size());
        assertEquals(List.of("Nous", "sommes", "d'accord."), c.pairs().get(0).src());
        assertEquals(List.of("We", "agree."), c.pairs().get(0).tgt());
        assertEquals(List.of(new AlignReject(tsv.toString(), 3, "empty source side"),
                new AlignReject(tsv.toString(), 4, "expected 3 tab-separated columns, got 2")), c.rejects());
        assertThrows(InputException.class, () -> AlignmentReader.read(tsv, write("g.gold", "1-1")));
    }

    @Test
    void theBundledGoldSetsRead() {
        Path dir = Fixtures.dataset("word_alignment").resolve("awesome-align");
        AlignCorpus roen = AlignmentReader.read(dir.resolve("roen.src-tgt"), dir.resolve("roen.gold"));
        assertEquals(175, roen.pairs().size());
        assertEquals(List.of(), roen.rejects());
        AlignCorpus tatoeba = AlignmentReader.read(Fixtures.dataset("tatoeba").resolve("tatoeba.deu-eng.tsv"), null);
        assertEquals("deu-eng", tatoeba.languagePair());
        assertTrue(tatoeba.pairs().size() > 100);
    }
}
