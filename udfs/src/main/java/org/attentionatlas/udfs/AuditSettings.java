package org.attentionatlas.udfs;

import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.tokenize.Encoding;

import java.io.Serializable;
import java.util.Objects;

/**
 * What an audit's executor needs to run the engine: shipped with every task. Checked when built, and against the
 * model ({@link #checkWindows}) before any work: nothing is capped silently.
 *
 * @param model       which model, and how to load it
 * @param maxLength   longest window in tokens (0: the model's maximum)
 * @param stride      text tokens between window starts (0: half a window)
 * @param batchTokens token budget of one forward pass (padded batch size × length)
 * @param batchSize   most sequences in one forward pass
 * @param chunkDocs   documents a task holds in memory at once (sorted and batched together)
 */
public record AuditSettings(ModelSettings model, int maxLength, int stride, int batchTokens, int batchSize,
                            int chunkDocs) implements Serializable {

    /** More positions than any model the engine runs: a bound before the model is known. */
    public static final int MAX_WINDOW = 8192;

    public AuditSettings {
        Objects.requireNonNull(model, "model");
        if (maxLength != 0 && (maxLength < 3 || maxLength > MAX_WINDOW)) {
            throw new IllegalArgumentException("--max-length must be 0 (the model's maximum) or 3 to " + MAX_WINDOW
                    + " tokens, got " + maxLength);
        }
        if (stride < 0) {
            throw new IllegalArgumentException("--stride must be 0 (half a window) or more, got " + stride);
        }
        if (maxLength > 0 && stride >= maxLength) {
            throw new IllegalArgumentException("--stride " + stride + " must be smaller than --max-length " + maxLength);
        }
        positive("--batch-tokens", batchTokens);
        positive("--batch-size", batchSize);
        positive("--chunk-docs", chunkDocs);
    }

    private static void positive(String flag, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
    }

    /** The window length for a model that accepts {@code modelMax} tokens. */
    public int windowLength(int modelMax) {
        if (maxLength > modelMax) {
            throw new IllegalArgumentException("--max-length " + maxLength + " exceeds the model's " + modelMax
                    + " positions");
        }
        return maxLength <= 0 ? modelMax : maxLength;
    }

    /** The stride for windows of {@code window} tokens holding {@code specials} special tokens. */
    public int windowStride(int window, int specials) {
        int room = Math.max(1, window - specials);
        if (stride > room) {
            throw new IllegalArgumentException("--stride " + stride + " is more than the " + room
                    + " text tokens of a " + window + "-token window");
        }
        return stride <= 0 ? Math.max(1, room / 2) : stride;
    }

    /** Refuses, on the driver before any work, windows that {@code loaded} cannot take. */
    public void checkWindows(LoadedModel loaded) {
        int window = windowLength(loaded.config().maxTokens());
        windowStride(window, specials(loaded.tokenizer().encode("a")));
    }

    /** How many special tokens the tokenizer adds around a text. */
    static int specials(Encoding e) {
        int n = 0;
        for (boolean s : e.special()) {
            n += s ? 1 : 0;
        }
        return n;
    }
}
