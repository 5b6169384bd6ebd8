package org.attentionatlas.engine.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks on input texts before they reach a tokenizer. */
public final class TextInput {

    private static final char BOM = '\uFEFF';

    private TextInput() {
    }

    /** Returns {@code text}; rejects empty and whitespace-only texts. */
    public static String requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("input text is empty");
        }
        return text;
    }

    /**
     * Decodes {@code bytes} strictly as UTF-8, as {@link #readLines} reads files.
     *
     * @param what names the input in the error, e.g. "the request body"
     * @throws IllegalArgumentException naming {@code what} and the byte offset of the first malformed sequence
     */
    public static String decodeUtf8(byte[] bytes, String what) {
        CharsetDecoder decoder = strictUtf8();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new IllegalArgumentException(what + " is not valid UTF-8 (byte offset " + in.position() + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Reads a file of one text per line, strictly as UTF-8 ({@code \n} or {@code \r\n} line ends, an optional leading
     * byte-order mark, a final line end optional). Every line must hold text; lines are not trimmed.
     *
     * @throws IllegalArgumentException naming the file, line and byte offset of malformed UTF-8, of an empty line, or when the file is empty
     */
    public static List<String> readLines(Path file) {
        List<String> lines = new ArrayList<>();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            new LineDecoder(file, lines).decode(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!lines.isEmpty() && !lines.get(0).isEmpty() && lines.get(0).charAt(0) == BOM) {
            lines.set(0, lines.get(0).substring(1));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no texts");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": input text is empty");
            }
        }
        return lines;
    }

    /** Decodes in chunks so that the byte offset and line of a malformed sequence are known. */
    private static final class LineDecoder {
        private final Path file;
        private final List<String> lines;
        private final CharsetDecoder decoder = strictUtf8();
        private final StringBuilder line = new StringBuilder();

        LineDecoder(Path file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        void decode(FileChannel in) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            long bufferStart = 0; // file offset of bytes[0]
            boolean eof = false;
            while (!eof) {
                eof = in.read(bytes) < 0;
                bytes.flip();
                CoderResult r;
                do {
                    r = decoder.decode(bytes, chars, eof);
                    drain(chars);
                    if (r.isError()) {
                        throw malformed(bufferStart + bytes.position());
                    }
                } while (r.isOverflow());
                bufferStart += bytes.position();
                bytes.compact();
            }
            CoderResult r;
            do {
                r = decoder.flush(chars);
                drain(chars);
            } while (r.isOverflow());
            if (!line.isEmpty()) {
                endLine();
            }
        }

        private void drain(CharBuffer chars) {
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    endLine();
                } else {
                    line.append(c);
                }
            }
            chars.clear();
        }

        private void endLine() {
            int n = line.length();
            lines.add(n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString());
            line.setLength(0);
        }

        private IllegalArgumentException malformed(long byteOffset) {
            return new IllegalArgumentException(file + " is not valid UTF-8 at line " + (lines.size() + 1)
                    + " (byte offset " + byteOffset + ")");
        }
    }
}
