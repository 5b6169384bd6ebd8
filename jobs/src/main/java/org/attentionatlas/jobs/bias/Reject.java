package org.attentionatlas.jobs.bias;

/** One input the bias job could not use: its file, 1-based line (0 for a whole file), kind and reason. */
public record Reject(String dataset, String file, long line, String kind, String reason) {
}
