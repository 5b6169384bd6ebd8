package org.attentionatlas.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The specificity score on hand-made statistics with hand-computed Jensen–Shannon values (nats). */
class HeadSpecialisationTest {

    private static LanguageHeadStats lang(String code, long sequences, double entropy, double special, String role,
                                          double... hist) {
        return new LanguageHeadStats(code, sequences, 10 * sequences, entropy, special, role, hist);
    }

    @Test
    void jensenShannonOfIdenticalAndDisjointDistributions() {
        assertEquals(0, HeadSpecialisation.jensenShannon(new double[] {0.3, 0.7}, new double[] {0.3, 0.7}), 1e-15);
        assertEquals(Math.log(2), HeadSpecialisation.jensenShannon(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
    }

    @Test
    void histogramsAreNormalisedBeforeComparing() {
        assertArrayEquals(new double[] {0.25, 0.75, 0}, HeadSpecialisation.normalised(new double[] {0.1, 0.3, 0}), 1e-15);
    }

    @Test
    void twoLanguagesPointingOppositeWays() {
        // each is [1,0] or [0,1]; the mean is [½,½]; JS = ½ ln(4/3) + ½ (½ ln(2/3) + ½ ln 2) = ¾ ln(4/3) = 0.215762
        HeadSpecialisation.Score s = HeadSpecialisation.score(List.of(
                lang("fr", 20, 1.0, 0.2, HeadRoles.PREVIOUS_TOKEN, 0.4, 0),
                lang("en", 20, 1.5, 0.1, HeadRoles.NEXT_TOKEN, 0, 0.9)), 10);
        assertEquals(0.75 * Math.log(4.0 / 3), s.specificity(), 1e-12);
        assertEquals(0.215762, s.specificity(), 1e-6);
        assertEquals(List.of("en", "fr"), s.languages().stream().map(LanguageHeadStats::language).toList());
        assertEquals(0.5, s.entropySpread(), 1e-12);
        assertEquals(0.1, s.specialMassSpread(), 1e-12);
        // a tie between two roles: the earlier in HeadRoles.ALL is modal
        assertEquals(HeadRoles.PREVIOUS_TOKEN, s.modalRole());
        assertEquals(0.5, s.roleAgreement(), 1e-12);
    }

    @Test
    void threeLanguagesOneOfThemDifferent() {
        // en, de = [1,0], zh = [0,1]; mean m̄ = [⅔,⅓]
        // JS(en) = ½ ln(6/5) + ⅓ ln(4/5) + ⅙ ln 2 = 0.132304; JS(zh) = ½ (ln(3/2) + ⅓ ln 2) = 0.318257
        HeadSpecialisation.Score s = HeadSpecialisation.score(List.of(
                lang("en", 50, 1.0, 0.2, HeadRoles.BROAD, 3, 0),
                lang("zh", 12, 4.0, 0.9, HeadRoles.MIXED, 0, 5),
                lang("de", 10, 2.5, 0.5, HeadRoles.BROAD, 1, 0)), 10);
        double jsSame = 0.5 * Math.log(6.0 / 5) + Math.log(4.0 / 5) / 3 + Math.log(2) / 6;
        double jsZh = 0.5 * (Math.log(1.5) + Math.log(2) / 3);
        assertEquals(0.132304, jsSame, 1e-6);
        assertEquals(0.318257, jsZh, 1e-6);
        assertArrayEquals(new double[] {jsSame, jsSame, jsZh}, s.divergences(), 1e-12); // de, en, zh
        assertEquals((2 * jsSame + jsZh) / 3, s.specificity(), 1e-12);
        assertEquals(0.194288, s.specificity(), 1e-6);
        assertEquals("zh", s.mostDifferentLanguage());
        assertEquals(3.0, s.entropySpread(), 1e-12);
        assertEquals(0.7, s.specialMassSpread(), 1e-12);
        assertEquals(HeadRoles.BROAD, s.modalRole());
        assertEquals(2.0 / 3, s.roleAgreement(), 1e-12);
        assertEquals(List.of(), s.excluded());
    }

    @Test
    void languagesWithTooFewSequencesAreLeftOutAndNamed() {
        HeadSpecialisation.Score s = HeadSpecialisation.score(List.of(
                lang("en", 50, 1.0, 0.2, HeadRoles.BROAD, 3, 0),
                lang("zh", 9, 4.0, 0.9, HeadRoles.MIXED, 0, 5),
                lang("de", 10, 2.5, 0.5, HeadRoles.BROAD, 1, 0)), 10);
        assertEquals(List.of("zh"), s.excluded());
        assertEquals(0, s.specificity(), 1e-15);
        assertEquals(1.0, s.roleAgreement(), 1e-15);
        assertNull(HeadSpecialisation.score(List.of(lang("en", 50, 1, 0, HeadRoles.BROAD, 1, 0),
                lang("zh", 9, 1, 0, HeadRoles.BROAD, 0, 1)), 10), "one language left: nothing to compare");
    }
}
