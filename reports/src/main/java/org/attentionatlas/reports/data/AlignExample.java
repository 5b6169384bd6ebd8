package org.attentionatlas.reports.data;

import org.attentionatlas.engine.align.AerCounts;
import org.attentionatlas.engine.align.GoldAlignment;
import org.attentionatlas.engine.align.Link;

import java.util.List;
import java.util.Set;

/**
 * One sentence pair of an align_links row with gold: the words, the predicted links of the run's best layer-level
 * aligner ({@code method} at {@code layer}, align_layers' numbering) and the gold links, sure (S) and possible-only
 * (P \ S), all 0-based.
 */
public record AlignExample(String runId, String model, String revision, String languagePair, String file, long line,
                           String method, int layer, List<String> src, List<String> tgt, Set<Link> predicted,
                           Set<Link> sure, Set<Link> possible) {

    public AlignExample {
        src = List.copyOf(src);
        tgt = List.copyOf(tgt);
        predicted = Set.copyOf(predicted);
        sure = Set.copyOf(sure);
        possible = Set.copyOf(possible);
    }

    /** Model, revision and language pair, as {@link AlignScore#pairKey()}. */
    public List<String> pairKey() {
        return List.of(model, revision, languagePair);
    }

    /** This pair's AER (P = S ∪ possible); NaN when there are neither predicted nor sure links. */
    public double aer() {
        return AerCounts.of(predicted, GoldAlignment.of(sure, possible)).aer();
    }
}
