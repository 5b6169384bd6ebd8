package org.attentionatlas.results;

import org.attentionatlas.engine.contrast.JensenShannon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How differently one head behaves across languages, from its per-language head statistics (docs/multilingual.md):
 * <ul>
 *   <li>{@code specificity}: the mean over languages of the Jensen–Shannon divergence (natural log, nats, at most
 *       ln 2) between the language's offset histogram, normalised to sum 1, and the mean of those distributions;</li>
 *   <li>{@code most different language}: the one with the largest of those divergences;</li>
 *   <li>{@code entropy spread} and {@code special-mass spread}: max − min across languages of entropy_mean and of
 *       cls_mass + sep_mass;</li>
 *   <li>{@code role agreement}: the share of languages whose role is the modal one (ties: the earlier role in
 *       {@link HeadRoles#ALL}).</li>
 * </ul>
 * Only languages with at least {@code minSequences} sequences take part; a head needs two such languages.
 */
public final class HeadSpecialisation {

    private HeadSpecialisation() {
    }

    /**
     * The scores of one head over the languages given (any order; results are in language order).
     *
     * @param perLanguage the head's statistics in each language
     * @param languages   the compared languages, in language order
     * @param excluded    languages left out for having fewer than minSequences sequences
     */
    public record Score(List<LanguageHeadStats> languages, List<String> excluded, double specificity,
                        double[] divergences, String mostDifferentLanguage, double entropySpread,
                        double specialMassSpread, String modalRole, double roleAgreement) {
    }

    /** The score, or null when fewer than two languages have {@code minSequences} sequences. */
    public static Score score(List<LanguageHeadStats> perLanguage, long minSequences) {
        List<LanguageHeadStats> kept = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (LanguageHeadStats s : perLanguage.stream().sorted(Comparator.comparing(LanguageHeadStats::language)).toList()) {
            if (s.sequences() >= minSequences) {
                kept.add(s);
            } else {
                excluded.add(s.language());
            }
        }
        if (kept.size() < 2) {
            return null;
        }
        int n = kept.size();
        double[][] dists = new double[n][];
        for (int i = 0; i < n; i++) {
            dists[i] = normalised(kept.get(i).offsetHist());
        }
        double[] mean = mean(dists);
        double[] js = new double[n];
        int most = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            js[i] = jensenShannon(dists[i], mean);
            sum += js[i];
            if (js[i] > js[most]) {
                most = i;
            }
        }
        String modal = modalRole(kept);
        long agreeing = kept.stream().filter(s -> modal.equals(s.role())).count();
        return new Score(List.copyOf(kept), List.copyOf(excluded), sum / n, js, kept.get(most).language(),
                spread(kept.stream().mapToDouble(LanguageHeadStats::entropyMean).toArray()),
                spread(kept.stream().mapToDouble(LanguageHeadStats::specialMass).toArray()),
                modal, (double) agreeing / n);
    }

    /**
     * Jensen–Shannon divergence in nats: ½ KL(p‖m) + ½ KL(q‖m) with m = (p + q) / 2; p and q are distributions of the
     * same length (0 · ln 0 = 0).
     */
    public static double jensenShannon(double[] p, double[] q) {
        return JensenShannon.divergence(p, q);
    }

    /** {@code hist} divided by its sum (negative entries, which sums cannot give, count as 0); all zero stays zero. */
    public static double[] normalised(double[] hist) {
        double total = 0;
        for (double v : hist) {
            total += Math.max(0, v);
        }
        double[] out = new double[hist.length];
        for (int i = 0; i < hist.length && total > 0; i++) {
            out[i] = Math.max(0, hist[i]) / total;
        }
        return out;
    }

    private static double[] mean(double[][] dists) {
        double[] out = new double[dists[0].length];
        for (double[] d : dists) {
            if (d.length != out.length) {
                throw new IllegalArgumentException("offset histograms of " + out.length + " and " + d.length + " buckets");
            }
            for (int i = 0; i < d.length; i++) {
                out[i] += d[i] / dists.length;
            }
        }
        return out;
    }

    private static double spread(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /** The most frequent role; ties go to the earlier role in {@link HeadRoles#ALL}, unknown labels after them. */
    private static String modalRole(List<LanguageHeadStats> kept) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String r : HeadRoles.ALL) {
            counts.put(r, 0);
        }
        for (LanguageHeadStats s : kept) {
            counts.merge(String.valueOf(s.role()), 1, Integer::sum);
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
