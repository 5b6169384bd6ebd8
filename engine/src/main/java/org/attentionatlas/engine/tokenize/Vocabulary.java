package org.attentionatlas.engine.tokenize;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A token-to-id table, read from a tokenizer.json or a BERT vocab.txt. */
final class Vocabulary {

    private final String[] tokens; // by id; null where no token has that id
    private final Map<String, Integer> ids;

    private Vocabulary(String[] tokens, Map<String, Integer> ids) {
        this.tokens = tokens;
        this.ids = ids;
    }

    /** The model vocabulary plus the added tokens of a parsed tokenizer.json. */
    static Vocabulary fromTokenizerJson(JsonNode root, String source) {
        JsonNode vocab = root.path("model").path("vocab");
        Map<String, Integer> ids = new LinkedHashMap<>();
        if (vocab.isObject()) { // WordPiece, BPE, WordLevel: {token: id}
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ids.put(e.getKey(), e.getValue().asInt());
            }
        } else if (vocab.isArray()) { // Unigram: [[piece, score], ...], id = position
            for (int i = 0; i < vocab.size(); i++) {
                ids.put(vocab.get(i).get(0).asText(), i);
            }
        } else {
            throw new IllegalArgumentException(source + ": no model.vocab in tokenizer.json");
        }
        for (JsonNode added : root.path("added_tokens")) {
            ids.put(added.get("content").asText(), added.get("id").asInt());
        }
        return fromIds(ids);
    }

    /** One token per line, id = line index (0-based); later duplicates win, as in HF tokenizers. */
    static Vocabulary fromVocabTxt(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not valid UTF-8", e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ids.put(trimEnd(lines.get(i)), i);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no tokens");
        }
        return fromIds(ids);
    }

    private static Vocabulary fromIds(Map<String, Integer> ids) {
        int size = 0;
        for (int id : ids.values()) {
            size = Math.max(size, id + 1);
        }
        String[] tokens = new String[size];
        ids.forEach((token, id) -> tokens[id] = token);
        return new Vocabulary(tokens, Collections.unmodifiableMap(ids));
    }

    /** Largest id + 1 (the model's embedding rows). */
    int size() {
        return tokens.length;
    }

    String token(int id) {
        if (id < 0 || id >= tokens.length || tokens[id] == null) {
            throw new IllegalArgumentException("no token with id " + id + " (vocabulary size " + tokens.length + ")");
        }
        return tokens[id];
    }

    int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** Token to id, in file order. */
    Map<String, Integer> asMap() {
        return ids;
    }

    /** BERT names first, RoBERTa names as fallback. */
    SpecialTokens specialTokens() {
        return new SpecialTokens(either("[PAD]", "<pad>"), either("[UNK]", "<unk>"), either("[CLS]", "<s>"),
                either("[SEP]", "</s>"), either("[MASK]", "<mask>"));
    }

    /** True when lower-casing would change no ordinary token: the vocabulary of an uncased model. */
    boolean looksUncased() {
        for (String t : ids.keySet()) {
            boolean bracketed = (t.startsWith("[") && t.endsWith("]")) || (t.startsWith("<") && t.endsWith(">"));
            if (!bracketed && !t.equals(t.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private int either(String bert, String roberta) {
        int id = id(bert);
        return id >= 0 ? id : id(roberta);
    }

    /** Rust's {@code str::trim_end}: Unicode White_Space. */
    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isUnicodeWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isUnicodeWhiteSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x85 || Character.isSpaceChar(c);
    }
}
