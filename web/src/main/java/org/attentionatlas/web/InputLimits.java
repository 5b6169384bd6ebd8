package org.attentionatlas.web;

/** Caps on what one request may ask of the model. */
public final class InputLimits {

    public static final int MAX_CHARS = 5000;
    /** A request body: room for {@link #MAX_CHARS} characters even if each is a six-byte JSON escape. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_TOKENS = 512;
    /** Max-flow solves a graph of layers × tokens² edges: longer texts take too long for a page. */
    public static final int MAX_FLOW_TOKENS = 128;
    /** A contrast answers every head's word matrices of both texts: 8.5 MB of JSON at 55 tokens for 6 × 12 heads. */
    public static final int MAX_CONTRAST_TOKENS = 64;

    private InputLimits() {
    }

    public static String checkText(String text) {
        return checkText("text", text);
    }

    /** {@code what}: the field the page calls it, as the message names it ("text", "source", "target"). */
    public static String checkText(String what, String text) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("the " + what + " is empty; type a sentence");
        }
        if (text.length() > MAX_CHARS) {
            throw ApiError.badRequest("the " + what + " has " + text.length() + " characters; the limit is "
                    + MAX_CHARS);
        }
        return text;
    }

    public static void checkTokens(int tokens, int modelMax) {
        int limit = Math.min(MAX_TOKENS, modelMax);
        if (tokens > limit) {
            throw ApiError.badRequest("the text has " + tokens + " tokens; the limit is " + limit
                    + " for this model — shorten the text");
        }
    }
}
