package org.attentionatlas.jobs.align;

import org.apache.spark.sql.Row;
import org.attentionatlas.engine.align.AerCounts;
import org.attentionatlas.engine.align.AlignGrid;
import org.attentionatlas.engine.align.AlignKey;
import org.attentionatlas.engine.align.AlignMethod;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The corpus counts of every aligner of the grid, summed over the aligned pairs ({@link
 * org.attentionatlas.udfs.AlignPairRows#ALIGNED} rows without error), and the best aligners by AER.
 */
final class AlignScores {

    private final AlignGrid grid;
    private final boolean gold;
    private final AerCounts[] counts;
    private long sentences;

    AlignScores(AlignGrid grid, boolean gold) {
        this.grid = grid;
        this.gold = gold;
        this.counts = new AerCounts[grid.size()];
        java.util.Arrays.fill(counts, AerCounts.ZERO);
    }

    AlignScores add(List<Row> aligned) {
        for (Row r : aligned) {
            if (r.getAs("error") != null) {
                continue;
            }
            sentences++;
            List<Integer> predicted = r.getList(r.fieldIndex("predicted"));
            List<Integer> hitSure = gold ? r.getList(r.fieldIndex("hit_sure")) : null;
            List<Integer> hitPossible = gold ? r.getList(r.fieldIndex("hit_possible")) : null;
            int sure = r.getAs("sure_links");
            for (int k = 0; k < counts.length; k++) {
                counts[k] = counts[k].plus(new AerCounts(predicted.get(k), sure,
                        gold ? hitSure.get(k) : 0, gold ? hitPossible.get(k) : 0));
            }
        }
        return this;
    }

    long sentences() {
        return sentences;
    }

    boolean gold() {
        return gold;
    }

    AerCounts counts(AlignKey k) {
        return counts[grid.index(k)];
    }

    AlignGrid grid() {
        return grid;
    }

    /** The layer-level aligner (softmax, argmax or attention-mean) with the lowest AER. */
    Optional<AlignKey> bestLayer() {
        return best(k -> k.method() != AlignMethod.HEAD);
    }

    /** The head with the lowest AER. */
    Optional<AlignKey> bestHead() {
        return best(k -> k.method() == AlignMethod.HEAD);
    }

    private Optional<AlignKey> best(java.util.function.Predicate<AlignKey> which) {
        if (!gold || sentences == 0) {
            return Optional.empty();
        }
        return grid.keys().stream().filter(which).filter(k -> !Double.isNaN(counts(k).aer()))
                .min(Comparator.comparingDouble((AlignKey k) -> counts(k).aer()).thenComparingInt(grid::index));
    }

    /** Layer of an align_layers row: layers applied for similarity, 1 + the 0-based index for attention-mean. */
    static int tableLayer(AlignKey k) {
        return k.method() == AlignMethod.ATTENTION_MEAN ? k.layer() + 1 : k.layer();
    }

    List<AlignKey> layerKeys() {
        return grid.keys().stream().filter(k -> k.method() != AlignMethod.HEAD).toList();
    }

    List<AlignKey> headKeys() {
        return grid.keys().stream().filter(k -> k.method() == AlignMethod.HEAD).toList();
    }
}
