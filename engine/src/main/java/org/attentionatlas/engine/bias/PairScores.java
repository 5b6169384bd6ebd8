package org.attentionatlas.engine.bias;

/**
 * Masked-LM scores of one CrowS-Pairs pair: pseudo-log-likelihoods over the shared tokens and AULA over all tokens.
 * The pair "prefers the stereotype" when the more-stereotyping sentence scores higher.
 */
public record PairScores(double pllMore, double pllLess, double aulaMore, double aulaLess, int sharedTokens) {

    public double pllDifference() {
        return pllMore - pllLess;
    }

    public double aulaDifference() {
        return aulaMore - aulaLess;
    }
}
