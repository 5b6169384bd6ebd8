package org.attentionatlas.datasets.bias;

import java.util.List;

/** The WinoBias pairs of one split, and what could not be read. */
public record WinoBiasData(List<WinoBiasPair> pairs, ReadReport report) {
}
