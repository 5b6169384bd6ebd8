package org.attentionatlas.udfs;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and schemas of the bias job's per-sentence rows: {@link #INPUT} goes into {@link BiasScorer}, {@link
 * #SCORED} comes out. Spans are character offsets into {@code text}; {@code other_start} is -1 when the sentence has
 * no second occupation (association sentences). {@code seq} is the sentence's position in the input, which the driver
 * restores after collecting (bootstrap resamples depend on the order).
 *
 * <p>{@code kind} is {@link #COREF} (WinoBias: share of the pronoun's attention on the gold occupation), {@link
 * #PRONOUN} (WinoGender, probes: the pronoun's attention to the occupation) or {@link #CROWS} (masked-LM scores only).
 * {@code mlm} holds the masked-LM scores when the job asks for them: for a male pronoun sentence the fill-mask gap
 * [log P(male) − log P(female)]; for a CrowS-Pairs row [PLL more, PLL less, AULA more, AULA less].
 */
public final class BiasSentence {

    public static final String COREF = "coref";
    public static final String PRONOUN = "pronoun";
    /** A CrowS-Pairs pair in one row: {@code text} is the more-stereotyping sentence, {@code text2} the other. */
    public static final String CROWS = "crows";

    public static final StructType INPUT = new StructType()
            .add("dataset", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("id", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false)
            .add("grp", DataTypes.StringType, false)
            .add("occupation", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("pronoun_start", DataTypes.IntegerType, false)
            .add("pronoun_end", DataTypes.IntegerType, false)
            .add("target_start", DataTypes.IntegerType, false)
            .add("target_end", DataTypes.IntegerType, false)
            .add("other_start", DataTypes.IntegerType, false)
            .add("other_end", DataTypes.IntegerType, false)
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("seq", DataTypes.IntegerType, false)
            .add("text2", DataTypes.StringType, true);

    /** The input columns, then the scores ({@code per_head} flattened layer-major) and an error for unlocated spans. */
    public static final StructType SCORED = INPUT
            .add("layers", DataTypes.IntegerType, false)
            .add("heads", DataTypes.IntegerType, false)
            .add("per_head", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("per_layer", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("head_avg", DataTypes.DoubleType, true)
            .add("rollout", DataTypes.DoubleType, true)
            .add("words", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("pronoun_row", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("mlm", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("error", DataTypes.StringType, true);

    /** Index of the first score column in {@link #SCORED}. */
    public static final int FIRST_SCORE = INPUT.size();

    private BiasSentence() {
    }
}
