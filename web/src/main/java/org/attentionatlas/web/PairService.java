package org.attentionatlas.web;

import org.attentionatlas.engine.align.AlignGrid;
import org.attentionatlas.engine.align.AlignKey;
import org.attentionatlas.engine.align.AlignMethod;
import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.align.PairAligner;
import org.attentionatlas.engine.align.PreSplitTokenizer;
import org.attentionatlas.engine.align.TokenizedPair;
import org.attentionatlas.engine.load.LoadedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a sentence pair through the engine's aligners on the inference queue and keeps the last few results. */
public final class PairService {

    static final int KEEP = 32;

    private final ModelCatalog models;
    private final InferenceQueue queue;
    private final Map<String, PairInference> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PairInference> eldest) {
            return size() > KEEP;
        }
    };

    public PairService(ModelCatalog models, InferenceQueue queue) {
        this.models = models;
        this.queue = queue;
    }

    public PairInference align(String modelName, String source, String target) {
        String name = models.require(modelName);
        List<String> src = words("source", source);
        List<String> tgt = words("target", target);
        PairInference pair = queue.run(() -> {
            LoadedModel model = models.get(name);
            TokenizedPair p = TokenizedPair.of(PreSplitTokenizer.encode(model.tokenizer(), src),
                    PreSplitTokenizer.encode(model.tokenizer(), tgt));
            InputLimits.checkTokens(p.maxLength(), model.config().maxTokens());
            PairAligner aligner = new PairAligner(model.transformer(), 1);
            AlignGrid grid = aligner.grid();
            List<Set<Link>> links = aligner.align(List.of(p)).links().get(0);
            List<Set<Link>> similarity = new ArrayList<>();
            for (int l = 0; l <= grid.layers(); l++) {
                similarity.add(links.get(grid.index(new AlignKey(AlignMethod.SOFTMAX, l, -1))));
            }
            return new PairInference(InferenceCache.newId(), name, model.provenance().revision(), src, tgt,
                    aligner.wordAttention(p), similarity);
        });
        synchronized (recent) {
            recent.put(pair.id(), pair);
        }
        return pair;
    }

    public PairInference get(String id) {
        synchronized (recent) {
            PairInference p = id == null ? null : recent.get(id);
            if (p == null) {
                throw new ApiError(404, "no recent pair '" + Params.clip(String.valueOf(id))
                        + "'; the server keeps the last " + KEEP + " — align the pair again");
            }
            return p;
        }
    }

    private static List<String> words(String field, String text) {
        return Arrays.asList(InputLimits.checkText(field, text).strip().split("\\s+"));
    }
}
