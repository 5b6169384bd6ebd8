package org.attentionatlas.datasets;

/**
 * One document of a corpus.
 *
 * @param id   stable identifier (bundled corpus: a readable key such as {@code pron-0007})
 * @param lang BCP-47 language code (en, zh, fr, de, es)
 * @param text the document text
 */
public record CorpusDocument(String id, String lang, String text) {
}
