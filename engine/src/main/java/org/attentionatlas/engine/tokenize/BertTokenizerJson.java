package org.attentionatlas.engine.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Writes the HuggingFace tokenizer.json of a BERT WordPiece tokenizer, as {@code BertWordPieceTokenizer} builds it. */
final class BertTokenizerJson {

    static final String UNK = "[UNK]";
    static final String CLS = "[CLS]";
    static final String SEP = "[SEP]";
    private static final List<String> SPECIALS = List.of("[PAD]", UNK, CLS, SEP, "[MASK]");

    private BertTokenizerJson() {
    }

    static String of(Vocabulary vocab, boolean lowercase, String source) {
        for (String required : List.of(UNK, CLS, SEP)) {
            if (vocab.id(required) < 0) {
                throw new IllegalArgumentException(source + ": the vocabulary has no " + required + " token");
            }
        }
        ObjectNode root = HfTokenizer.JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.set("added_tokens", addedTokens(vocab));
        root.set("normalizer", normalizer(lowercase));
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        root.set("post_processor", clsSepTemplate(vocab));
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        root.set("model", wordPiece(vocab));
        try {
            return HfTokenizer.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Special tokens are matched whole in the raw text, so "[MASK]" stays one token. */
    private static ArrayNode addedTokens(Vocabulary vocab) {
        ArrayNode added = HfTokenizer.JSON.createArrayNode();
        for (String token : SPECIALS) {
            int id = vocab.id(token);
            if (id >= 0) {
                added.addObject().put("id", id).put("content", token).put("single_word", false).put("lstrip", false)
                        .put("rstrip", false).put("normalized", false).put("special", true);
            }
        }
        return added;
    }

    private static ObjectNode normalizer(boolean lowercase) {
        return HfTokenizer.JSON.createObjectNode().put("type", "BertNormalizer").put("clean_text", true)
                .put("handle_chinese_chars", true).put("strip_accents", lowercase).put("lowercase", lowercase);
    }

    private static ObjectNode clsSepTemplate(Vocabulary vocab) {
        ObjectNode post = HfTokenizer.JSON.createObjectNode().put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, CLS, 0);
        sequence(single, "A", 0);
        special(single, SEP, 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, CLS, 0);
        sequence(pair, "A", 0);
        special(pair, SEP, 0);
        sequence(pair, "B", 1);
        special(pair, SEP, 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String token : List.of(CLS, SEP)) {
            ObjectNode s = specials.putObject(token).put("id", token);
            s.putArray("ids").add(vocab.id(token));
            s.putArray("tokens").add(token);
        }
        return post;
    }

    private static void special(ArrayNode template, String token, int typeId) {
        template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
    }

    private static void sequence(ArrayNode template, String id, int typeId) {
        template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
    }

    private static ObjectNode wordPiece(Vocabulary vocab) {
        ObjectNode model = HfTokenizer.JSON.createObjectNode().put("type", "WordPiece").put("unk_token", UNK)
                .put("continuing_subword_prefix", "##").put("max_input_chars_per_word", 100);
        ObjectNode ids = model.putObject("vocab");
        vocab.asMap().forEach(ids::put);
        return model;
    }
}
