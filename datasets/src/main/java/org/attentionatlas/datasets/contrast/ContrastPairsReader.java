package org.attentionatlas.datasets.contrast;

import com.univocity.parsers.tsv.TsvParser;
import com.univocity.parsers.tsv.TsvParserSettings;
import org.attentionatlas.datasets.InputException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a contrast pairs file: UTF-8 TSV (univocity's parser, which Spark ships), one pair a line, {@code text A<TAB>
 * text B[<TAB>label]}; lines starting with {@code #} are comments (where a bundled file states its provenance), blank
 * lines are skipped. Any other line shape, an empty text, or no pair at all is an {@link InputException} naming the
 * file and line.
 */
public final class ContrastPairsReader {

    private ContrastPairsReader() {
    }

    public static List<ContrastPair> read(Path file) {
        String text = utf8(file);
        TsvParserSettings settings = new TsvParserSettings();
        settings.getFormat().setComment('#');
        settings.getFormat().setLineSeparator("\n");
        settings.setSkipEmptyLines(true);
        settings.setMaxCharsPerColumn(100_000);
        TsvParser parser = new TsvParser(settings);
        List<ContrastPair> out = new ArrayList<>();
        parser.beginParsing(new StringReader(text.replace("\r\n", "\n")));
        String[] row;
        while ((row = parser.parseNext()) != null) {
            long line = parser.getContext().currentLine();
            if (row.length < 2 || row.length > 3) {
                throw new InputException(file + " line " + line + ": expected text A<TAB>text B[<TAB>label], got "
                        + row.length + " column" + (row.length == 1 ? "" : "s"));
            }
            String a = require(file, line, "text A", row[0]);
            String b = require(file, line, "text B", row[1]);
            String label = row.length == 3 && row[2] != null && !row[2].isBlank() ? row[2].strip() : "line " + line;
            out.add(new ContrastPair(line, a, b, label));
        }
        if (out.isEmpty()) {
            throw new InputException(file + " holds no pair (one text A<TAB>text B[<TAB>label] a line)");
        }
        return out;
    }

    private static String require(Path file, long line, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InputException(file + " line " + line + ": " + what + " is empty");
        }
        return value.strip();
    }

    private static String utf8(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + " is not a file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
