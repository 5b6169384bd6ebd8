package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.tokenize.Encoding;

/** Scores one CrowS-Pairs minimal pair with a masked LM: shared-token PLL (Nangia et al., 2020) and AULA. */
public final class CrowsPairsScoring {

    private CrowsPairsScoring() {
    }

    public static PairScores score(MaskedLmScorer scorer, Encoding more, Encoding less) {
        SharedTokens.Alignment shared = SharedTokens.of(more.ids(), more.special(), less.ids(), less.special());
        double pllMore = scorer.pseudoLogLikelihood(more.ids(), shared.a());
        double pllLess = scorer.pseudoLogLikelihood(less.ids(), shared.b());
        double aulaMore = Aula.score(scorer.unmasked(more.ids()), more.special());
        double aulaLess = Aula.score(scorer.unmasked(less.ids()), less.special());
        return new PairScores(pllMore, pllLess, aulaMore, aulaLess, shared.a().length);
    }
}
