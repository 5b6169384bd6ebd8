package org.attentionatlas.engine.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A HuggingFace {@code tokenizer.json} run by the Rust {@code tokenizers} library through DJL, with padding and
 * truncation switched off and the model's special tokens added. Encoding is thread-safe.
 */
public final class HfTokenizer implements TextTokenizer {

    static final ObjectMapper JSON = new ObjectMapper();

    // tokenizer.json files may switch padding and truncation on (MiniLM: Fixed(128), 128); these options override them
    private static final Map<String, String> OPTIONS =
            Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true");

    private final HuggingFaceTokenizer hf;
    private final Vocabulary vocab;
    private final SpecialTokens specials;
    private final String source;

    HfTokenizer(String tokenizerJson, Vocabulary vocab, String source) {
        this.vocab = vocab;
        this.specials = vocab.specialTokens();
        this.source = source;
        try {
            this.hf = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), OPTIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) { // the Rust side throws a bare RuntimeException for a bad tokenizer.json
            throw new IllegalArgumentException(source + ": not a usable tokenizer: " + e.getMessage(), e);
        }
    }

    /** Reads a HuggingFace tokenizer.json. */
    public static HfTokenizer open(Path tokenizerJson) {
        String json;
        JsonNode root;
        try {
            json = Files.readString(tokenizerJson);
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
        String source = tokenizerJson.toAbsolutePath().toString();
        return new HfTokenizer(json, Vocabulary.fromTokenizerJson(root, source), source);
    }

    @Override
    public Encoding encode(String text) {
        TextInput.requireText(text);
        return toEncoding(text, hf.encode(withoutLoneSurrogates(text)));
    }

    /** Encodes many texts in one native call (the Rust side spreads them over the cores). */
    public List<Encoding> encodeAll(List<String> texts) {
        String[] inputs = new String[texts.size()];
        for (int i = 0; i < inputs.length; i++) {
            try {
                inputs[i] = withoutLoneSurrogates(TextInput.requireText(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("text " + i + ": " + e.getMessage(), e);
            }
        }
        ai.djl.huggingface.tokenizers.Encoding[] encoded = hf.batchEncode(inputs);
        List<Encoding> out = new ArrayList<>(encoded.length);
        for (int i = 0; i < encoded.length; i++) {
            out.add(toEncoding(texts.get(i), encoded[i]));
        }
        return out;
    }

    /**
     * JNI turns a lone surrogate into several replacement characters, which shifts every later offset; U+FFFD keeps the
     * length, and BertNormalizer drops it as it would drop the broken character.
     */
    static String withoutLoneSurrogates(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static Encoding toEncoding(String text, ai.djl.huggingface.tokenizers.Encoding e) {
        long[] ids = e.getIds();
        long[] words = e.getWordIds();
        long[] specialMask = e.getSpecialTokenMask();
        CharSpan[] spans = e.getCharTokenSpans();
        int n = ids.length;
        int[] outIds = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] wordIds = new int[n];
        boolean[] special = new boolean[n];
        CodePointIndex utf16 = new CodePointIndex(text);
        WordNumbering numbering = new WordNumbering();
        for (int i = 0; i < n; i++) {
            outIds[i] = Math.toIntExact(ids[i]);
            special[i] = specialMask[i] != 0;
            CharSpan span = spans[i];
            if (span != null && !special[i]) {
                starts[i] = utf16.toUtf16(span.getStart());
                ends[i] = utf16.toUtf16(span.getEnd());
            }
            wordIds[i] = special[i] ? -1 : numbering.number(words[i]);
        }
        if (numbering.count() == 0) {
            throw new IllegalArgumentException("input text is empty after normalization: \"" + text + "\"");
        }
        return new Encoding(text, outIds, e.getTokens(), starts, ends, wordIds, special);
    }

    @Override
    public String token(int id) {
        return vocab.token(id);
    }

    @Override
    public int id(String token) {
        return vocab.id(token);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public SpecialTokens specials() {
        return specials;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public void close() {
        hf.close();
    }

    /** Renumbers the native word ids 0, 1, ... in order of appearance. */
    private static final class WordNumbering {
        private long lastNative = Long.MIN_VALUE;
        private int last = -1;
        private final Map<Long, Integer> seen = new HashMap<>();

        int number(long nativeId) {
            if (nativeId != lastNative) {
                lastNative = nativeId;
                last = seen.computeIfAbsent(nativeId, k -> seen.size());
            }
            return last;
        }

        int count() {
            return seen.size();
        }
    }

    /** Rust reports offsets in code points; Java strings index UTF-16 units. */
    private static final class CodePointIndex {
        private final int[] utf16; // null when the text has no surrogate pairs (indices coincide)

        CodePointIndex(String text) {
            int cps = text.codePointCount(0, text.length());
            if (cps == text.length()) {
                utf16 = null;
                return;
            }
            utf16 = new int[cps + 1];
            int u = 0;
            for (int cp = 0; cp < cps; cp++) {
                utf16[cp] = u;
                u += Character.charCount(text.codePointAt(u));
            }
            utf16[cps] = u;
        }

        int toUtf16(int codePoint) {
            return utf16 == null ? codePoint : utf16[codePoint];
        }
    }
}
