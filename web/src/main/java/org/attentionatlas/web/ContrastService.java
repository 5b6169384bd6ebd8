package org.attentionatlas.web;

import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.engine.contrast.ContrastSide;
import org.attentionatlas.engine.contrast.Contrasts;
import org.attentionatlas.engine.load.LoadedModel;

/**
 * Contrasts on the page: both sides run (and cached) as ordinary inferences, compared on the inference queue by the
 * engine's {@link Contrasts}; an export recomputes a contrast from the two cached runs.
 */
public final class ContrastService {

    /** A contrast and the two runs it compares. */
    public record RunPair(Inference a, Inference b, Contrast contrast) {
    }

    private final InferenceService inferences;
    private final ModelCatalog models;

    public ContrastService(InferenceService inferences, ModelCatalog models) {
        this.inferences = inferences;
        this.models = models;
    }

    /** {@code modelB}, {@code textB}: null for the same as A. Every check runs before the first inference. */
    public RunPair contrast(String model, String modelB, String text, String textB) {
        String nameA = models.require(model);
        String nameB = modelB == null ? nameA : models.require(modelB);
        InputLimits.checkText("text", text);
        if (textB != null) {
            InputLimits.checkText("textB", textB);
        }
        badRequestOnIllegal(() -> {
            Contrasts.requireTwoRuns(nameA, modelB, text, textB);
            return null;
        });
        inferences.onQueue(() -> {
            ModelConfig a = models.get(nameA).config();
            ModelConfig b = models.get(nameB).config();
            return badRequestOnIllegal(() -> {
                Contrasts.requireSameShape(nameA, a.layers(), a.heads(), nameB, b.layers(), b.heads());
                return null;
            });
        });
        Inference a = inferences.infer(nameA, text);
        Inference b = inferences.infer(nameB, textB == null ? text : textB);
        checkLength("text", a);
        checkLength("textB", b);
        return new RunPair(a, b, compare(a, b));
    }

    private static void checkLength(String what, Inference inference) {
        if (inference.tokenCount() > InputLimits.MAX_CONTRAST_TOKENS) {
            throw ApiError.badRequest("the " + what + " has " + inference.tokenCount() + " tokens; a contrast is "
                    + "limited to " + InputLimits.MAX_CONTRAST_TOKENS + " tokens per text (its answer holds every "
                    + "head's word matrices)");
        }
    }

    /** The contrast of two recent runs (404 when one has left the cache). */
    public Contrast of(String runA, String runB) {
        return compare(inferences.get(runA), inferences.get(runB));
    }

    private Contrast compare(Inference a, Inference b) {
        return inferences.onQueue(() -> badRequestOnIllegal(
                () -> Contrasts.compare(side(a), side(b), Contrasts.DEFAULT_TOP)));
    }

    private ContrastSide side(Inference inference) {
        LoadedModel model = models.get(inference.model());
        return new ContrastSide(model.provenance(), model.config().architecture().name(), inference.attention());
    }

    private static <T> T badRequestOnIllegal(java.util.concurrent.Callable<T> check) {
        try {
            return check.call();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
