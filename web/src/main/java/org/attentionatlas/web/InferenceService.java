package org.attentionatlas.web;

import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.List;

/** Runs a text through a configured model on the inference queue and keeps the result as an {@link Inference}. */
public final class InferenceService {

    private final ModelCatalog models;
    private final InferenceQueue queue;
    private final InferenceCache cache;

    public InferenceService(ModelCatalog models, InferenceQueue queue, InferenceCache cache) {
        this.models = models;
        this.queue = queue;
        this.cache = cache;
    }

    public Inference infer(String modelName, String text) {
        String name = models.require(modelName);
        InputLimits.checkText(text);
        Inference inference = queue.run(() -> {
            LoadedModel model = models.get(name);
            Encoding e = model.tokenizer().encode(text);
            InputLimits.checkTokens(e.length(), model.config().maxTokens());
            RawAttention raw = new AttentionExtractor(model, 1, true).extract(List.of(e)).get(0);
            return new Inference(InferenceCache.newId(), name, model.provenance().revision(), raw, WordAttention.of(e));
        });
        cache.put(inference);
        return inference;
    }

    public Inference get(String id) {
        return cache.require(id);
    }

    public <T> T onQueue(java.util.concurrent.Callable<T> job) {
        return queue.run(job);
    }
}
