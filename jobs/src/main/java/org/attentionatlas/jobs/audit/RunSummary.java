package org.attentionatlas.jobs.audit;

import java.util.Locale;

/** What one audit run did, as recorded in the runs table. */
public record RunSummary(String runId, String output, long documentsRead, long documentsNew, long documentsSkipped,
                         long documentsDuplicate, long documentsEmpty, long documentsInvalid, long tokens,
                         long sequences, double processingSeconds) {

    public String describe() {
        return String.format(Locale.ROOT, "audit run %s committed to %s: %d documents read, %d new, %d skipped "
                        + "(already audited), %d duplicate, %d empty, %d invalid; %d tokens in %d sequences; "
                        + "processing %.1f s", runId, output, documentsRead, documentsNew, documentsSkipped,
                documentsDuplicate, documentsEmpty, documentsInvalid, tokens, sequences, processingSeconds);
    }
}
