package org.attentionatlas.reports.figures;

import java.util.Map;
import java.util.Optional;

/**
 * The published alignment error rates our curves are compared with: Dou &amp; Neubig 2021, "Word Alignment by
 * Fine-tuning Embeddings on Parallel Corpora" (awesome-align), Table 2 — bert-base-multilingual-cased without
 * fine-tuning, softmax similarity, layer 8, AER in percent.
 */
public final class PublishedAer {

    public static final String CITATION = "Dou & Neubig 2021, Table 2";
    public static final String METHOD = "softmax";
    public static final int LAYER = 8;
    private static final Map<String, Double> LAYER8_SOFTMAX = Map.of("enfr", 5.6, "roen", 27.9, "jaen", 45.6,
            "zhen", 18.1);

    private PublishedAer() {
    }

    /** The published AER (percent) of a language pair, if the paper has one. */
    public static Optional<Double> of(String languagePair) {
        return Optional.ofNullable(LAYER8_SOFTMAX.get(languagePair));
    }
}
