package org.attentionatlas.reports.data;

import java.util.List;

/**
 * One head_specialisation row: how differently one head behaves across languages. The lists run parallel to
 * {@code languages}; specificity and the divergences are Jensen–Shannon divergences in nats.
 */
public record SpecialisedHead(String model, String revision, String dataset, int layer, int head,
                              List<String> languages, List<Long> sequences, List<Long> tokens,
                              List<String> excludedLanguages, long minSequences, double specificity,
                              List<Double> divergences, String mostDifferentLanguage, double entropySpread,
                              double specialMassSpread, List<String> roles, String modalRole, double roleAgreement) {

    public SpecialisedHead {
        languages = List.copyOf(languages);
        sequences = List.copyOf(sequences);
        tokens = List.copyOf(tokens);
        excludedLanguages = List.copyOf(excludedLanguages);
        divergences = List.copyOf(divergences);
        roles = List.copyOf(roles);
    }

    /** The (model, revision, dataset) the row belongs to. */
    public List<String> datasetKey() {
        return List.of(model, revision, dataset);
    }

    /** "en 700 · fr 700 sequences", the sample size behind the scores. */
    public String sampleSize() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < languages.size(); i++) {
            b.append(i == 0 ? "" : " · ").append(languages.get(i)).append(' ').append(sequences.get(i));
        }
        return b.append(" sequences").toString();
    }
}
