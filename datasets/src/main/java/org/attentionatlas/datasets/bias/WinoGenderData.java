package org.attentionatlas.datasets.bias;

import java.util.List;
import java.util.Map;

/** WinoGender sentences, the occupation statistics by occupation, and what could not be read. */
public record WinoGenderData(List<WinoGenderSentence> sentences, Map<String, OccupationStat> stats,
                             ReadReport report) {
}
