package org.attentionatlas.jobs.importance;

import org.attentionatlas.engine.importance.PruningCurve;

import java.util.Locale;

/** What one importance run did, printed when it ends; {@code previousRun} set when the same run was already committed. */
record ImportanceRunSummary(String runId, String output, String previousRun, long documents, long sequences,
                            long maskedTokens, int heads, PruningCurve curve, double gradientSequencesPerSecond,
                            double wallSeconds) {

    static ImportanceRunSummary alreadyDone(String output, String previousRun) {
        return new ImportanceRunSummary(null, output, previousRun, 0, 0, 0, 0, null, 0, 0);
    }

    String describe() {
        if (previousRun != null) {
            return "importance: run " + previousRun + " in " + output + " already holds this model, revision, dataset "
                    + "and settings; nothing written";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "importance run %s -> %s: %d documents, %d sequences, %d masked tokens; gradients %.1f sequences/s; "
                        + "%.0f s%n  pruned  heads   loss  accuracy", runId, output, documents, sequences, maskedTokens,
                gradientSequencesPerSecond, wallSeconds));
        for (PruningCurve.Point p : curve.points()) {
            b.append(String.format(Locale.ROOT, "%n  %5.0f%%  %5d  %5.3f  %7.2f%%", 100 * p.fraction(), p.headsPruned(),
                    p.loss(), 100 * p.accuracy()));
        }
        b.append(String.format(Locale.ROOT, "%n  %d of %d heads can go before masked-LM accuracy falls by 1 point",
                curve.headsBeforeAccuracyDrop(0.01), heads));
        return b.toString();
    }
}
