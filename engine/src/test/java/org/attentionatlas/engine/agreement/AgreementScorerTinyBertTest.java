package org.attentionatlas.engine.agreement;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.AttentionFlow;
import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.AttributionTarget;
import org.attentionatlas.engine.attribution.LeaveOneOut;
import org.attentionatlas.engine.attribution.MaskedTokenTarget;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.testing.TinyBertWithVocabulary;
import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agreement scorer on the tiny random BERT: leave-one-out against one pass per left-out token, τ wiring. */
class AgreementScorerTinyBertTest {

    private static final String TEXT = "the doctor asked the [MASK] to help her .";

    @TempDir
    Path tmp;

    @Test
    void leaveOneOutAndTauFollowTheirDefinitions() throws Exception {
        try (LoadedModel model = ModelLoader.withDefaultStore().load(TinyBertWithVocabulary.write(tmp).toString(),
                Device.cpu())) {
            Encoding e = model.encode(TEXT);
            int mask = 5;
            int nurse = model.tokenizer().id("nurse");
            boolean[] keep = e.special().clone();
            keep[mask] = true;
            AttributionTarget target = new MaskedTokenTarget(model.transformer(), mask, nurse);
            float[] drops;
            double[] direct = new double[e.length()];
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                drops = LeaveOneOut.drops(model.transformer(), m, e.ids(), keep, 4, target);
                double full = f(model, m, target, e.ids());
                for (int i = 0; i < e.length(); i++) {
                    if (!keep[i]) {
                        int[] copy = e.ids().clone();
                        copy[i] = 4;
                        direct[i] = full - f(model, m, target, copy);
                    }
                }
            }
            for (int i = 0; i < e.length(); i++) {
                assertEquals(direct[i], drops[i], 1e-5, "token " + i);
            }

            List<MethodAgreement> rows = new AgreementScorer(model, 16, 3).score(new AttributionRequest(TEXT,
                    AttributionMethod.IG, 16, "nurse", null, AttributionRequest.DEFAULT_BASELINE));
            assertEquals(12, rows.size(), "4 attention scores × 3 attributions");
            RawAttention raw = new AttentionExtractor(model, 1, true).extract(List.of(e)).get(0);
            float[] lastRow = raw.headMean(raw.layers() - 1)[mask];
            int[] ranked = {1, 2, 3, 4, 6, 7, 8, 9}; // not [CLS], [MASK], [SEP]
            double[] x = new double[ranked.length];
            double[] y = new double[ranked.length];
            for (int i = 0; i < ranked.length; i++) {
                x[i] = lastRow[ranked[i]];
                y[i] = Math.abs(direct[ranked[i]]);
            }
            MethodAgreement loo = rows.stream().filter(r -> r.attention().equals("last-layer")
                    && r.attribution().equals("leave-one-out")).findFirst().orElseThrow();
            assertEquals(KendallTau.of(x, y).tau(), loo.tau(), 1e-9);
            assertEquals(TopKOverlap.of(x, y, 3), loo.topKOverlap(), 1e-9);
            assertEquals(ranked.length, loo.tokens());

            // norm-based: the last layer's row at the mask of α·‖f(x)‖ averaged over heads, by hand from the hook's norms
            int last = raw.layers() - 1;
            double[] norm = new double[ranked.length];
            for (int i = 0; i < ranked.length; i++) {
                for (int h = 0; h < raw.heads(); h++) {
                    norm[i] += (double) raw.attentions()[last][h][mask][ranked[i]]
                            * raw.valueNorms().attentions()[last][h][ranked[i]] / raw.heads();
                }
            }
            double[] normRow = AttentionScores.normBased(raw, mask);
            for (int i = 0; i < ranked.length; i++) {
                assertEquals(norm[i], normRow[ranked[i]], 1e-6, "norm-based token " + ranked[i]);
            }
            MethodAgreement normLoo = rows.stream().filter(r -> r.attention().equals("norm-based")
                    && r.attribution().equals("leave-one-out")).findFirst().orElseThrow();
            assertEquals(KendallTau.of(norm, y).tau(), normLoo.tau(), 1e-6);

            // one max-flow row (n solves) equals that row of the full matrix; the pooled target averages the rows
            double[][] flow = AttentionFlow.of(raw).matrix();
            assertArrayEquals(flow[mask], AttentionScores.maxFlow(raw, mask), 1e-9);
            double[][] rollout = AttentionRollout.of(raw).rollout();
            double[] pooled = AttentionScores.rollout(raw, -1);
            for (int k = 0; k < pooled.length; k++) {
                double mean = 0;
                for (double[] row : rollout) {
                    mean += row[k] / rollout.length;
                }
                assertEquals(mean, pooled[k], 1e-12);
            }
            assertArrayEquals(rollout[mask], AttentionScores.rollout(raw, mask), 0);
        }
    }

    private static double f(LoadedModel model, NDManager m, AttributionTarget target, int[] ids) {
        var in = PaddedBatch.of(m, List.of(ids), 0);
        return target.score(model.transformer().forward(m, in, Hooks.none()).hidden(), in.attentionMask()).getFloat(0);
    }
}
