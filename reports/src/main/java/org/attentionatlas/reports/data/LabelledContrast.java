package org.attentionatlas.reports.data;

import org.attentionatlas.engine.contrast.Contrast;

/** A contrast of the report's contrast section and the label its pairs file gave it. */
public record LabelledContrast(String label, Contrast contrast) {
}
