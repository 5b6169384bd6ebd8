package org.attentionatlas.datasets;

import java.io.Serializable;

/**
 * What to read and where the fields are.
 *
 * @param input     path of the corpus, or null for the bundled corpus
 * @param format    layout, or null to guess it from the path
 * @param textField JSON field / Parquet or CSV column holding the text
 * @param idField   field holding document ids, or null: ids are content hashes
 * @param langField field holding language codes, or null: every document gets {@code language}
 * @param language  language of documents that carry none
 */
public record CorpusSpec(String input, CorpusFormat format, String textField, String idField, String langField,
                         String language) implements Serializable {

    public boolean bundled() {
        return input == null || input.isBlank() || format == CorpusFormat.BUNDLED;
    }

    /** The dataset name results carry when none is given: "bundled", else the input's file name up to its first dot. */
    public String defaultDataset() {
        if (bundled()) {
            return BundledCorpus.DATASET;
        }
        String path = input.replaceAll("/+$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Where the text comes from, as the runs tables record it. */
    public String label() {
        return bundled() ? "classpath:" + BundledCorpus.RESOURCE : input;
    }
}
