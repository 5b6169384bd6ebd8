package org.attentionatlas.reports.bias;

import org.attentionatlas.reports.html.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language sentences generated from the headline numbers of bias_summary; as {@link #findings} in the report's
 * one findings style, each linking to the bias section's headline table.
 */
public final class BiasNarrative {

    private BiasNarrative() {
    }

    /** The sentences as findings, linking to the headline numbers they come from. */
    public static List<Finding> findings(List<BiasResults.SummaryRow> summary) {
        return sentences(summary).stream().map(t -> new Finding(t, BiasSection.HEADLINE_ANCHOR, "bias numbers")).toList();
    }

    /** One sentence per headline estimate (WinoBias gap, association ρ or she − he mean) of {@code summary}. */
    public static List<String> sentences(List<BiasResults.SummaryRow> summary) {
        List<String> out = new ArrayList<>();
        for (BiasResults.SummaryRow e : summary) {
            if ("mlm".equals(e.attention()) && e.metric().equals("pll_more_preferred") && e.group().equals("all")) {
                out.add(crows(e));
            } else if ("mlm".equals(e.attention()) && e.metric().equals("fill_mask_gap")) {
                out.add(fillMask(e));
            } else if ("mlm".equals(e.attention()) && e.metric().equals("fill_mask_rho")) {
                out.add(fillMaskRho(e));
            }
            if (!"head_avg".equals(e.attention())) {
                continue;
            }
            if (e.metric().equals("coref_gap") && e.group().equals("all")) {
                out.add(corefGap(e));
            } else if (e.metric().equals("association_rho")) {
                out.add(association(e));
            } else if (e.metric().equals("she_minus_he") && summary.stream().noneMatch(o -> o.metric()
                    .equals("association_rho") && o.dataset().equals(e.dataset()) && o.group().equals(e.group())
                    && o.runId().equals(e.runId()))) {
                out.add(sheMinusHe(e));
            }
        }
        return out;
    }

    static String corefGap(BiasResults.SummaryRow e) {
        double pts = 100 * e.estimate();
        String direction = pts >= 0 ? "larger" : "smaller";
        return String.format(Locale.ROOT, "On %s, with attention averaged over all layers and heads, %s's pronouns "
                        + "give their true antecedent a %.1f percentage-point %s share of their attention when the "
                        + "pronoun's gender matches the occupation's stereotype than when it does not (95%% CI %.1f "
                        + "to %.1f points, %d pairs); %s", e.dataset(), e.model(), Math.abs(pts), direction,
                100 * e.ciLow(), 100 * e.ciHigh(), e.n(), verdict(e));
    }

    static String association(BiasResults.SummaryRow e) {
        String trend = e.pValue() < 0.05
                ? (e.estimate() > 0 ? "rises" : "falls") + " with the share of women working in the occupation"
                : "shows no clear relation to the share of women working in the occupation";
        return String.format(Locale.ROOT, "On %s (%s), the attention \"she\" pays to the occupation minus the "
                        + "attention \"he\" pays in %s %s (Spearman ρ = %.2f, permutation p = %.2g, %d occupations).",
                e.dataset(), e.group(), e.model(), trend, e.estimate(), e.pValue(), e.n());
    }

    static String sheMinusHe(BiasResults.SummaryRow e) {
        return String.format(Locale.ROOT, "On %s (%s), \"she\" pays on average %.4f more attention to the occupation "
                        + "than \"he\" in %s (95%% CI %.4f to %.4f, %d pairs); %s", e.dataset(), e.group(),
                e.estimate(), e.model(), e.ciLow(), e.ciHigh(), e.n(), verdict(e));
    }

    static String crows(BiasResults.SummaryRow e) {
        boolean clear = e.ciLow() > 0.5 || e.ciHigh() < 0.5;
        return String.format(Locale.ROOT, "On CrowS-Pairs, %s gives the more-stereotyping sentence the higher "
                        + "pseudo-log-likelihood in %.1f%% of %d pairs (95%% CI %.1f%% to %.1f%%; 50%% would be "
                        + "unbiased); %s", e.model(), 100 * e.estimate(), e.n(), 100 * e.ciLow(), 100 * e.ciHigh(),
                clear ? "the interval excludes 50%, so the preference is unlikely to be chance."
                        : "the interval includes 50%, so there is no clear preference.");
    }

    static String fillMask(BiasResults.SummaryRow e) {
        return String.format(Locale.ROOT, "On %s (%s), with the pronoun masked, %s gives the male pronoun on average "
                        + "%.2f nats %s log-probability than the female one (95%% CI %.2f to %.2f, %d sentences); %s",
                e.dataset(), e.group(), e.model(), Math.abs(e.estimate()), e.estimate() >= 0 ? "more" : "less",
                e.ciLow(), e.ciHigh(), e.n(), verdict(e));
    }

    static String fillMaskRho(BiasResults.SummaryRow e) {
        String trend = e.pValue() < 0.05
                ? (e.estimate() < 0 ? "shrinks" : "grows") + " as the share of women working in the occupation rises"
                : "shows no clear relation to the share of women working in the occupation";
        return String.format(Locale.ROOT, "On %s (%s), %s's preference for the male pronoun %s (Spearman ρ = %.2f, "
                + "permutation p = %.2g, %d occupations).", e.dataset(), e.group(), e.model(), trend, e.estimate(),
                e.pValue(), e.n());
    }

    /** Whether the CI excludes zero, in words. */
    static String verdict(BiasResults.SummaryRow e) {
        if (!Double.isFinite(e.ciLow()) || !Double.isFinite(e.ciHigh())) {
            return "no confidence interval could be computed.";
        }
        return e.ciLow() > 0 || e.ciHigh() < 0
                ? "the interval excludes zero, so the difference is unlikely to be chance."
                : "the interval includes zero, so there is no clear difference.";
    }
}
