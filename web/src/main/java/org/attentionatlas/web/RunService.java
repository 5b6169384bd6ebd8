package org.attentionatlas.web;

import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.List;

/** Runs a text through a configured model on the inference queue and keeps the result as a {@link Run}. */
public final class RunService {

    private final ModelCatalog models;
    private final InferenceQueue queue;
    private final RunStore store;

    public RunService(ModelCatalog models, InferenceQueue queue, RunStore store) {
        this.models = models;
        this.queue = queue;
        this.store = store;
    }

    public Run run(String modelName, String text) {
        String name = models.require(modelName);
        InputLimits.checkText(text);
        Run run = queue.run(() -> {
            LoadedModel model = models.get(name);
            Encoding e = model.tokenizer().encode(text);
            InputLimits.checkTokens(e.length(), model.config().maxTokens());
            RawAttention raw = new AttentionExtractor(model, 1).extract(List.of(e)).get(0);
            return new Run(RunStore.newId(), name, model.provenance().revision(), raw, WordAttention.of(e));
        });
        store.put(run);
        return run;
    }

    public Run get(String id) {
        return store.require(id);
    }

    public <T> T onQueue(java.util.concurrent.Callable<T> job) {
        return queue.run(job);
    }
}
