package org.attentionatlas.datasets.bias;

import java.util.List;

/** CrowS-Pairs records with a known bias type, and what could not be read. */
public record CrowsPairsData(List<CrowsPair> pairs, ReadReport report) {
}
