package org.attentionatlas.datasets.bias;

/** One row of WinoGender's {@code occupations-stats.tsv}: % female workers (BLS) and in text (Bergsma &amp; Lin). */
public record OccupationStat(String occupation, double bergsmaPctFemale, double blsPctFemale, int blsYear) {
}
