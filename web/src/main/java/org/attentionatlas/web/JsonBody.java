package org.attentionatlas.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.attentionatlas.engine.tokenize.TextInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A request body that must be a JSON object: at most {@link InputLimits#MAX_BODY_BYTES} (else 413 naming the limit,
 * read no further), strict UTF-8 as the command line reads files (else 400 naming the byte offset), one JSON object
 * (else 400 with the parser's reason and position).
 */
final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody read(Context ctx, String shape) {
        String text;
        try {
            text = TextInput.decodeUtf8(bytes(ctx), "the body");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage() + where + "; send " + shape);
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object " + shape);
        }
        return new JsonBody(root);
    }

    /** A string field, or null when it is absent or JSON null; 400 when it holds a number, list or object. */
    String string(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiError.badRequest("'" + field + "' must be a JSON string, not " + Params.clip(n.toString()));
        }
        return n.asText();
    }

    private static byte[] bytes(Context ctx) {
        long limit = InputLimits.MAX_BODY_BYTES;
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge("has " + declared + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw tooLarge("is larger than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static ApiError tooLarge(String size) {
        return new ApiError(413, "the body " + size + "; the limit is " + InputLimits.MAX_BODY_BYTES
                + " bytes (texts are limited to " + InputLimits.MAX_CHARS + " characters)");
    }
}
