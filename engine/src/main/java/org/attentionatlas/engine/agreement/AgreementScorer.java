package org.attentionatlas.engine.agreement;

import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.AttributionTarget;
import org.attentionatlas.engine.attribution.Attributor;
import org.attentionatlas.engine.attribution.LeaveOneOut;
import org.attentionatlas.engine.attribution.TextAttributor;
import org.attentionatlas.engine.attribution.TextAttributor.PreparedText;
import org.attentionatlas.engine.load.LoadedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does attention point where the gradient points? For one text and target, ranks the attributed tokens (not the special
 * tokens, not the mask) by each attention-derived score and by the magnitude of each attribution, and compares every
 * attention/attribution pair with Kendall τ and top-k overlap.
 */
public final class AgreementScorer {

    public static final List<String> ATTENTION = List.of("last-layer", "rollout", "max-flow", "norm-based");
    public static final List<String> ATTRIBUTION = List.of("grad-input", "ig", "leave-one-out");

    private final LoadedModel model;
    private final TextAttributor attributor;
    private final AttentionExtractor attention;
    private final int steps;
    private final int k;

    public AgreementScorer(LoadedModel model, int steps, int k) {
        Attributor.checkSteps(steps);
        if (k < 1) {
            throw new IllegalArgumentException("--top-k must be positive, got " + k);
        }
        if (model.tokenizer().specials().mask() < 0) {
            throw new IllegalArgumentException("model '" + model.provenance().name() + "' has no mask token for "
                    + "leave-one-out");
        }
        this.model = model;
        this.attributor = new TextAttributor(model);
        this.attention = new AttentionExtractor(model, 1, true);
        this.steps = steps;
        this.k = k;
    }

    /** @param request the text and its target (method and steps are this scorer's) */
    public List<MethodAgreement> score(AttributionRequest request) {
        PreparedText p = attributor.prepare(request);
        int[] ids = p.encoding().ids();
        Map<String, float[]> attributions = new LinkedHashMap<>();
        try (NDManager batch = NDManager.newBaseManager(model.transformer().device())) {
            AttributionTarget target = attributor.target(batch, request, p);
            Attributor a = attributor.attributor();
            attributions.put("grad-input", a.attribute(batch, ids, p.keep(), p.baseline(), target,
                    AttributionMethod.GRAD_INPUT, 1).scores());
            attributions.put("ig", a.attribute(batch, ids, p.keep(), p.baseline(), target, AttributionMethod.IG,
                    steps).scores());
            attributions.put("leave-one-out", LeaveOneOut.drops(model.transformer(), batch, ids, p.keep(),
                    model.tokenizer().specials().mask(), target));
        }
        RawAttention raw = attention.extract(List.of(p.encoding())).get(0);
        Map<String, double[]> attentions = new LinkedHashMap<>();
        attentions.put("last-layer", AttentionScores.lastLayer(raw, p.maskIndex()));
        attentions.put("rollout", AttentionScores.rollout(raw, p.maskIndex()));
        attentions.put("max-flow", AttentionScores.maxFlow(raw, p.maskIndex()));
        attentions.put("norm-based", AttentionScores.normBased(raw, p.maskIndex()));
        int[] ranked = attributed(p.keep());
        List<MethodAgreement> out = new ArrayList<>();
        for (Map.Entry<String, double[]> att : attentions.entrySet()) {
            double[] x = pick(att.getValue(), ranked);
            for (Map.Entry<String, float[]> attr : attributions.entrySet()) {
                double[] y = magnitudes(attr.getValue(), ranked);
                KendallTau tau = KendallTau.of(x, y);
                out.add(new MethodAgreement(att.getKey(), attr.getKey(), tau.tau(), tau.p(), TopKOverlap.of(x, y, k),
                        ranked.length));
            }
        }
        return out;
    }

    private static int[] attributed(boolean[] keep) {
        return java.util.stream.IntStream.range(0, keep.length).filter(i -> !keep[i]).toArray();
    }

    private static double[] pick(double[] v, int[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = v[at[i]];
        }
        return out;
    }

    private static double[] magnitudes(float[] v, int[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = Math.abs(v[at[i]]);
        }
        return out;
    }
}
