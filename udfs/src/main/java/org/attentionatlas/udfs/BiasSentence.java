package org.attentionatlas.udfs;

import org.attentionatlas.results.BiasTables;
import org.attentionatlas.results.ResultTable;

import java.util.List;

/**
 * Columns of the bias job's per-sentence rows, cut from the results contract's bias_sentences table: {@link #INPUT} goes into {@link BiasScorer}, {@link
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

    /**
     * What the executors return for each sentence: the bias_sentences table without the model columns the driver
     * adds — the input columns, then the scores ({@code per_head} flattened layer-major) and an error for unlocated
     * spans.
     */
    public static final ResultTable SCORED = BiasTables.SENTENCES.without("model", "revision");

    /** What goes into {@link BiasScorer}: the sentence, its spans and where it was read, up to {@code text2}. */
    public static final ResultTable INPUT = SCORED.upTo("text2");

    /** The score columns of {@link #SCORED}: every column after the input's. */
    public static final List<String> SCORES = SCORED.columnNames().subList(INPUT.columns().size(),
            SCORED.columns().size());

    private BiasSentence() {
    }
}
