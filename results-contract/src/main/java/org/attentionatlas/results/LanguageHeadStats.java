package org.attentionatlas.results;

/**
 * One head's head_stats in one language: what {@link HeadSpecialisation} compares across languages.
 *
 * @param language   the language code
 * @param sequences  sequences (windows) the statistics are over: the sample size
 * @param tokens     query positions the statistics are over
 * @param entropyMean mean attention entropy (nats)
 * @param specialMass cls_mass + sep_mass
 * @param role       the head's role label in this language ({@link HeadRoles})
 * @param offsetHist mean mass per offset bucket (head_stats' offset_hist; normalised before comparing)
 */
public record LanguageHeadStats(String language, long sequences, long tokens, double entropyMean, double specialMass,
                                String role, double[] offsetHist) {
}
