package org.attentionatlas.results;

import org.attentionatlas.engine.stats.HeadStat;

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
 * The same thresholds give the Java rule ({@link #role}) and the SQL expression ({@link #sql()}) that head_stats'
 * {@code role} column is computed with, so any reader (Spark, DuckDB, the report) can apply the one rule.
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

    /** The same rule as an SQL expression (Spark SQL and DuckDB alike) over head_stats' mean columns. */
    public static String sql() {
        return "CASE WHEN " + HeadStat.ENTROPY.column() + " > " + BROAD_ENTROPY + " THEN 'broad'"
                + " WHEN " + HeadStat.PREV_MASS.column() + " > " + POSITIONAL_MASS + " THEN 'previous-token'"
                + " WHEN " + HeadStat.NEXT_MASS.column() + " > " + POSITIONAL_MASS + " THEN 'next-token'"
                + " WHEN " + HeadStat.SELF_MASS.column() + " > " + POSITIONAL_MASS + " THEN 'self'"
                + " WHEN " + HeadStat.CLS_MASS.column() + " + " + HeadStat.SEP_MASS.column() + " > " + SPECIAL_MASS
                + " THEN 'special-token'"
                + " ELSE 'mixed' END";
    }
}
