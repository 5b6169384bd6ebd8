package org.attentionatlas.jobs.align;

import org.attentionatlas.datasets.align.AlignReject;

import java.util.List;
import java.util.Locale;

/** What one alignment run did, for the console: counts, rejects, throughput per family and the best aligners. */
record AlignRunSummary(String runId, String output, String languagePair, long pairs, long aligned,
                       List<AlignReject> rejects, double similarityPairsPerSecond, double attentionPairsPerSecond,
                       double wallSeconds, List<String> headlines) {

    String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "align run %s committed to %s: %s, %d pairs, %d aligned, %d rejected; %.1f s", runId, output,
                languagePair, pairs, aligned, rejects.size(), wallSeconds));
        b.append(String.format(Locale.ROOT, "%n  similarity (two sentence passes, %s): %.1f pairs/s per task%n"
                        + "  attention (one pair pass, every head): %.1f pairs/s per task",
                "softmax + argmax, every layer", similarityPairsPerSecond, attentionPairsPerSecond));
        rejects.stream().limit(10).forEach(r -> b.append("\n  reject ").append(r.file()).append(':')
                .append(r.line()).append(": ").append(r.reason()));
        if (rejects.size() > 10) {
            b.append("\n  ... ").append(rejects.size() - 10).append(" more rejects in align_rejects");
        }
        headlines.forEach(h -> b.append("\n  ").append(h));
        return b.toString();
    }
}
