package org.attentionatlas.engine.load;

/**
 * Where a model came from, recorded with every result (Tribuo-style provenance).
 *
 * @param name     short name (minilm-l6, …) or the folder name of a user checkpoint
 * @param source   Maven coordinates for known models, else the absolute checkpoint folder
 * @param revision the artifact version for known models, else a fingerprint of the checkpoint files (size + mtime)
 * @param format   safetensors, onnx or tf-bundle
 */
public record ModelProvenance(String name, String source, String revision, String format) {
}
