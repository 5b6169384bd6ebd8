package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.ForwardOutput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.tokenize.SpecialTokens;
import org.attentionatlas.engine.tokenize.TextTokenizer;

import java.util.ArrayList;
import java.util.List;

/** Attribution of texts on a loaded model: checks the request against the model, then one scoped pass per text. */
public final class TextAttributor {

    private final LoadedModel model;
    private final Attributor attributor;

    public TextAttributor(LoadedModel model) {
        this.model = model;
        this.attributor = new Attributor(model.transformer());
    }

    public AttributionResult attribute(AttributionRequest request) {
        PreparedText p = prepare(request);
        try (NDManager batch = NDManager.newBaseManager(model.transformer().device())) {
            AttributionTarget target = target(batch, request, p);
            TokenAttribution values = attributor.attribute(batch, p.encoding().ids(), p.keep(), p.baseline(), target,
                    request.method(), request.steps());
            return new AttributionResult(request, p.encoding().tokens(), p.encoding().ids(), target.scoreName(),
                    p.targetId(), p.maskIndex(), p.baseline().name(), values);
        }
    }

    /** The attributor this one runs, for callers that attribute one prepared text several ways. */
    public Attributor attributor() {
        return attributor;
    }

    /**
     * A request checked and tokenized.
     *
     * @param keep      positions the baseline keeps (special tokens, the mask)
     * @param maskIndex the mask's token index for MLM targets, else -1
     * @param targetId  the target word's id for MLM targets, else -1
     */
    public record PreparedText(Encoding encoding, boolean[] keep, Baseline baseline, int maskIndex, int targetId) {
    }

    /** The request's F: log P(target) at the mask, or the cosine with the compare text's embedding (computed here). */
    public AttributionTarget target(NDManager batch, AttributionRequest request, PreparedText p) {
        return p.maskIndex() >= 0 ? new MaskedTokenTarget(model.transformer(), p.maskIndex(), p.targetId())
                : new EmbeddingCosineTarget(sentenceEmbedding(batch, model.encode(request.compareText())));
    }

    /** Checks a request against this model (the bad-input rules of the {@code attribute} command) and tokenizes it. */
    public PreparedText prepare(AttributionRequest request) {
        String name = model.provenance().name();
        TextTokenizer tokenizer = model.tokenizer();
        Encoding e = model.encode(request.text());
        Baseline baseline = "zero".equals(request.baseline()) ? Baseline.zero()
                : Baseline.token(tokenizer.id(request.baseline()), request.baseline());
        SpecialTokens specials = tokenizer.specials();
        List<Integer> masks = new ArrayList<>();
        boolean[] keep = e.special().clone();
        for (int i = 0; i < e.length(); i++) {
            if (specials.mask() >= 0 && e.ids()[i] == specials.mask()) {
                masks.add(i);
                keep[i] = true;
            }
        }
        if (request.compareText() != null) {
            model.encode(request.compareText());
            return new PreparedText(e, keep, baseline, -1, -1);
        }
        boolean mlm = model.transformer().hasLmHead();
        if (request.targetWord() == null) {
            throw new IllegalArgumentException(mlm
                    ? "model '" + name + "' needs --target WORD (the word scored at the [MASK]) or --compare-text TEXT"
                    : "model '" + name + "' has no masked-LM head: give --compare-text TEXT (F is the cosine of the "
                    + "two texts' sentence embeddings)");
        }
        if (!mlm) {
            throw new IllegalArgumentException("model '" + name + "' has no masked-LM head, so --target has nothing "
                    + "to score; sentence-embedding models take --compare-text TEXT");
        }
        if (masks.size() != 1) {
            throw new IllegalArgumentException("--text must hold exactly one mask token "
                    + tokenizer.token(Math.max(specials.mask(), 0)) + ", it holds " + masks.size() + ": \""
                    + request.text() + "\"");
        }
        return new PreparedText(e, keep, baseline, masks.get(0), singleToken(request.targetWord()));
    }

    /** The id of a target word that the tokenizer keeps as one known token. */
    private int singleToken(String word) {
        Encoding w = model.tokenizer().encode(word);
        List<String> pieces = new ArrayList<>();
        int id = -1;
        for (int i = 0; i < w.length(); i++) {
            if (!w.special()[i]) {
                pieces.add(w.tokens()[i]);
                id = w.ids()[i];
            }
        }
        if (pieces.size() != 1 || id == model.tokenizer().specials().unk()) {
            throw new IllegalArgumentException("--target '" + word + "' must be one token of model '"
                    + model.provenance().name() + "'s vocabulary; it tokenizes to " + pieces);
        }
        return id;
    }

    /** The mean-pooled final hidden state of one text [D], computed without gradients. */
    private NDArray sentenceEmbedding(NDManager batch, Encoding e) {
        ForwardOutput out = model.transformer().forward(batch,
                PaddedBatch.of(batch, List.of(e.ids()), model.config().padTokenId()), Hooks.none());
        NDArray mask = batch.ones(new Shape(1, e.length()));
        return MeanPooling.pool(out.hidden(), mask).get(0);
    }
}
