package org.attentionatlas.jobs.audit;

/**
 * Labels a head from its mean statistics, after Clark et al. (2019), "What Does BERT Look At?". Checked in this
 * order, the first that holds wins:
 * <ol>
 *   <li>{@code broad}: entropy_mean &gt; {@value #BROAD_ENTROPY} nats (attention spread over many tokens)</li>
 *   <li>{@code previous-token}: prev_mass &gt; {@value #POSITIONAL_MASS}</li>
 *   <li>{@code next-token}: next_mass &gt; {@value #POSITIONAL_MASS}</li>
 *   <li>{@code self}: self_mass &gt; {@value #POSITIONAL_MASS}</li>
 *   <li>{@code special-token}: cls_mass + sep_mass &gt; {@value #SPECIAL_MASS}</li>
 *   <li>{@code mixed}: none of the above</li>
 * </ol>
 */
public final class HeadRoles {

    public static final double BROAD_ENTROPY = 3.8;
    public static final double POSITIONAL_MASS = 0.5;
    public static final double SPECIAL_MASS = 0.6;

    private HeadRoles() {
    }

    public static String role(double entropyMean, double prevMass, double nextMass, double selfMass, double clsMass,
                              double sepMass) {
        if (entropyMean > BROAD_ENTROPY) {
            return "broad";
        }
        if (prevMass > POSITIONAL_MASS) {
            return "previous-token";
        }
        if (nextMass > POSITIONAL_MASS) {
            return "next-token";
        }
        if (selfMass > POSITIONAL_MASS) {
            return "self";
        }
        if (clsMass + sepMass > SPECIAL_MASS) {
            return "special-token";
        }
        return "mixed";
    }

    /** The same rule as a Spark SQL expression over head_stats' mean columns. */
    public static String sql() {
        return "CASE WHEN entropy_mean > " + BROAD_ENTROPY + " THEN 'broad'"
                + " WHEN prev_mass > " + POSITIONAL_MASS + " THEN 'previous-token'"
                + " WHEN next_mass > " + POSITIONAL_MASS + " THEN 'next-token'"
                + " WHEN self_mass > " + POSITIONAL_MASS + " THEN 'self'"
                + " WHEN cls_mass + sep_mass > " + SPECIAL_MASS + " THEN 'special-token'"
                + " ELSE 'mixed' END";
    }
}
