package org.attentionatlas.web;

import org.attentionatlas.engine.attribution.AttributionResult;
import org.attentionatlas.engine.load.ModelProvenance;

/** One attribution the server computed, kept for its export. */
public record AttributionRun(String id, ModelProvenance provenance, AttributionResult result) {
}
