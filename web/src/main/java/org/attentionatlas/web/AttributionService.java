package org.attentionatlas.web;

import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.TextAttributor;
import org.attentionatlas.engine.load.LoadedModel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Gradient attribution of a text on the inference queue, with the engine's checks; keeps the last few for export. */
public final class AttributionService {

    static final int KEEP = 32;
    /** Integrated gradients runs all steps as one batch: the page's caps keep one request near 1 GB at most. */
    static final int MAX_STEPS = 256;
    static final int MAX_TOKENS = 128;

    private final ModelCatalog models;
    private final InferenceQueue queue;
    private final Map<String, AttributionRun> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AttributionRun> eldest) {
            return size() > KEEP;
        }
    };

    public AttributionService(ModelCatalog models, InferenceQueue queue) {
        this.models = models;
        this.queue = queue;
    }

    /** Whether the model scores a word at a mask (an MLM head) or compares sentence embeddings. */
    public boolean hasMaskedLmHead(String modelName) {
        String name = models.require(modelName);
        return queue.run(() -> models.get(name).transformer().hasLmHead());
    }

    public AttributionRun attribute(String modelName, String text, String method, int steps, String target,
                                    String compareText) {
        String name = models.require(modelName);
        InputLimits.checkText(text);
        if (compareText != null) {
            InputLimits.checkText("compare text", compareText);
        }
        AttributionRequest request;
        try {
            request = new AttributionRequest(text, AttributionMethod.parse(method), steps, blankToNull(target),
                    blankToNull(compareText), AttributionRequest.DEFAULT_BASELINE);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        AttributionRun run = queue.run(() -> {
            LoadedModel model = models.get(name);
            try {
                InputLimits.checkTokens(model.encode(text).length(), Math.min(MAX_TOKENS, model.config().maxTokens()));
                TextAttributor attributor = new TextAttributor(model);
                return new AttributionRun(InferenceCache.newId(), model.provenance(), attributor.attribute(request));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
        });
        synchronized (recent) {
            recent.put(run.id(), run);
        }
        return run;
    }

    public AttributionRun get(String id) {
        synchronized (recent) {
            AttributionRun r = id == null ? null : recent.get(id);
            if (r == null) {
                throw new ApiError(404, "no recent attribution '" + Params.clip(String.valueOf(id))
                        + "'; the server keeps the last " + KEEP + " — attribute the text again");
            }
            return r;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
