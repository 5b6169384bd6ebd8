package org.attentionatlas.datasets.bias;

/**
 * One CrowS-Pairs minimal pair. {@code sentMore} is always the more-stereotyping sentence; {@code antistereo} says
 * that {@code sentLess} violates a stereotype (rather than {@code sentMore} demonstrating one).
 */
public record CrowsPair(int id, String sentMore, String sentLess, boolean antistereo, CulturalBias bias, long line) {
}
