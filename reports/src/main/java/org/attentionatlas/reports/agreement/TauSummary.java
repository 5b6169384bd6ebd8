package org.attentionatlas.reports.agreement;

import org.attentionatlas.engine.bias.Bootstrap;

import java.util.Arrays;
import java.util.List;

/**
 * The τ distribution of one method pair over a run's texts: mean, min, quartiles (numpy's default interpolation),
 * max, the share of texts with τ &gt; 0 at p &lt; 0.05 and the mean top-k overlap. Texts without a τ (a constant
 * ranking) are counted in {@code missing} and left out.
 */
record TauSummary(String attention, String attribution, int texts, int missing, double mean, double min, double q1,
                  double median, double q3, double max, double significantPositive, double meanOverlap) {

    static TauSummary of(String attention, String attribution, List<AgreementResults.PairTau> rows) {
        double[] tau = rows.stream().mapToDouble(AgreementResults.PairTau::tau).filter(t -> !Double.isNaN(t))
                .sorted().toArray();
        int missing = rows.size() - tau.length;
        double significant = rows.stream().filter(r -> r.tau() > 0 && r.pValue() < 0.05).count()
                / (double) Math.max(1, tau.length);
        double overlap = rows.stream().mapToDouble(AgreementResults.PairTau::topKOverlap).average().orElse(Double.NaN);
        if (tau.length == 0) {
            return new TauSummary(attention, attribution, 0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, overlap);
        }
        return new TauSummary(attention, attribution, tau.length, missing, Arrays.stream(tau).average().orElseThrow(),
                tau[0], Bootstrap.quantile(tau, 0.25), Bootstrap.quantile(tau, 0.5), Bootstrap.quantile(tau, 0.75),
                tau[tau.length - 1], significant, overlap);
    }
}
