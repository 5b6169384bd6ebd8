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
}
