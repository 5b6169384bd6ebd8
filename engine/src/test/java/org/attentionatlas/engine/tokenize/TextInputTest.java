package org.attentionatlas.engine.tokenize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextInputTest {

    @Test
    void emptyAndWhitespaceOnlyTextsAreRejected() {
        for (String text : List.of("", " ", "\t\n\r ", "\u2003")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextInput.requireText(text));
            assertEquals("input text is empty", e.getMessage());
        }
        String ok = " a ";
        assertSame(ok, TextInput.requireText(ok));
    }

    @Test
    void readsOneTextPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("texts.txt");
        Files.writeString(file, "\uFEFFFirst line\r\nsecond: 北京 🍕\n  third  \nlast without newline");
        assertEquals(List.of("First line", "second: 北京 🍕", "  third  ", "last without newline"),
                TextInput.readLines(file));
        Files.writeString(file, "one\ntwo\n");
        assertEquals(List.of("one", "two"), TextInput.readLines(file));
    }

    @Test
    void invalidUtf8NamesFileLineAndByteOffset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, bytes("ok\nfiné\nbad ", new byte[] {(byte) 0xC3, 0x28}, " here\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextInput.readLines(file));
        assertEquals(file + " is not valid UTF-8 at line 3 (byte offset 13)", e.getMessage());
    }

    @Test
    void overlongSurrogateAndTruncatedSequencesAreRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        byte[][] cases = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
                {(byte) 0xE2, (byte) 0x82}};
        for (byte[] bad : cases) {
            Files.write(file, bytes("a\n", bad));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextInput.readLines(file));
            assertEquals(file + " is not valid UTF-8 at line 2 (byte offset 2)", e.getMessage());
        }
    }

    @Test
    void positionsStayRightPastTheFirstReadBuffer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.txt");
        String longLine = "x".repeat(65534) + "€€"; // the second € straddles the 64 KiB read boundary
        Files.write(file, bytes(longLine + "\n" + "y".repeat(100_000) + "\nz ", new byte[] {(byte) 0x80}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextInput.readLines(file));
        long offset = longLine.getBytes(StandardCharsets.UTF_8).length + 1 + 100_000 + 1 + 2;
        assertEquals(file + " is not valid UTF-8 at line 3 (byte offset " + offset + ")", e.getMessage());

        Files.writeString(file, longLine + "\nend");
        assertEquals(List.of(longLine, "end"), TextInput.readLines(file));
    }

    @Test
    void emptyLinesAndEmptyFilesAreRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("texts.txt");
        Files.writeString(file, "one\n   \nthree\n");
        assertEquals(file + " line 2: input text is empty",
                assertThrows(IllegalArgumentException.class, () -> TextInput.readLines(file)).getMessage());
        Files.writeString(file, "");
        assertEquals(file + " holds no texts",
                assertThrows(IllegalArgumentException.class, () -> TextInput.readLines(file)).getMessage());
    }

    private static byte[] bytes(Object... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.write(p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return out.toByteArray();
    }

    @Test
    void bytesAreDecodedStrictlyWithTheOffsetOfTheFirstBadByte() {
        assertEquals("héllo 世界", TextInput.decodeUtf8("héllo 世界".getBytes(StandardCharsets.UTF_8), "x"));
        // 'a', 'b', then 0xC3 0x28: a two-byte lead followed by a byte that cannot continue it
        byte[] bad = {'a', 'b', (byte) 0xC3, (byte) 0x28, 'c'};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextInput.decodeUtf8(bad, "the body"));
        assertEquals("the body is not valid UTF-8 (byte offset 2)", e.getMessage());
        byte[] truncated = {'o', 'k', (byte) 0xE4, (byte) 0xB8}; // the first two bytes of a three-byte character
        e = assertThrows(IllegalArgumentException.class, () -> TextInput.decodeUtf8(truncated, "the body"));
        assertEquals("the body is not valid UTF-8 (byte offset 2)", e.getMessage());
    }
}
