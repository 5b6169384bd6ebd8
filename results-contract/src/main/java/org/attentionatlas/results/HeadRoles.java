package org.attentionatlas.results;

import org.attentionatlas.engine.stats.HeadStat;

import java.util.List;

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

    public static final String BROAD = "broad";
    public static final String PREVIOUS_TOKEN = "previous-token";
    public static final String NEXT_TOKEN = "next-token";
    public static final String SELF = "self";
    public static final String SPECIAL_TOKEN = "special-token";
    public static final String MIXED = "mixed";
    /** Every role, in the order the rule checks them (the legend order of role maps). */
    public static final List<String> ALL = List.of(BROAD, PREVIOUS_TOKEN, NEXT_TOKEN, SELF, SPECIAL_TOKEN, MIXED);

    private HeadRoles() {
    }

    public static String role(double entropyMean, double prevMass, double nextMass, double selfMass, double clsMass,
                              double sepMass) {
        if (entropyMean > BROAD_ENTROPY) {
            return BROAD;
        }
        if (prevMass > POSITIONAL_MASS) {
            return PREVIOUS_TOKEN;
        }
        if (nextMass > POSITIONAL_MASS) {
            return NEXT_TOKEN;
        }
        if (selfMass > POSITIONAL_MASS) {
            return SELF;
        }
        if (clsMass + sepMass > SPECIAL_MASS) {
            return SPECIAL_TOKEN;
        }
        return MIXED;
    }

    /** The same rule as an SQL expression (Spark SQL and DuckDB alike) over head_stats' mean columns. */
    public static String sql() {
        return "CASE WHEN " + HeadStat.ENTROPY.column() + " > " + BROAD_ENTROPY + " THEN '" + BROAD + "'"
                + " WHEN " + HeadStat.PREV_MASS.column() + " > " + POSITIONAL_MASS + " THEN '" + PREVIOUS_TOKEN + "'"
                + " WHEN " + HeadStat.NEXT_MASS.column() + " > " + POSITIONAL_MASS + " THEN '" + NEXT_TOKEN + "'"
                + " WHEN " + HeadStat.SELF_MASS.column() + " > " + POSITIONAL_MASS + " THEN '" + SELF + "'"
                + " WHEN " + HeadStat.CLS_MASS.column() + " + " + HeadStat.SEP_MASS.column() + " > " + SPECIAL_MASS
                + " THEN '" + SPECIAL_TOKEN + "'"
                + " ELSE '" + MIXED + "' END";
    }
}
