package org.attentionatlas.jobs.bias;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What one bias run did, for the console: counts, rejects by kind, notes and the headline rows of bias_summary. */
public record BiasRunSummary(String runId, String output, long sentences, long scored, List<Reject> rejects,
                             List<String> notes, List<String> headlines) {

    public Map<String, Long> rejectsByKind() {
        Map<String, Long> out = new TreeMap<>();
        rejects.forEach(r -> out.merge(r.kind(), 1L, Long::sum));
        return out;
    }

    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "bias run %s committed to %s: %d sentences, %d scored, %d rejected %s", runId, output, sentences,
                scored, rejects.size(), rejectsByKind()));
        rejects.stream().limit(10).forEach(r -> b.append("\n  reject ").append(r.dataset()).append(' ')
                .append(r.file()).append(':').append(r.line()).append(' ').append(r.kind()).append(": ")
                .append(r.reason()));
        if (rejects.size() > 10) {
            b.append("\n  ... ").append(rejects.size() - 10).append(" more rejects in bias_rejects");
        }
        notes.forEach(n -> b.append("\n  note: ").append(n));
        headlines.forEach(h -> b.append("\n  ").append(h));
        return b.toString();
    }
}
