package org.attentionatlas.udfs;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.engine.importance.HeadImportance;
import org.attentionatlas.engine.importance.MaskedLmTally;
import org.attentionatlas.engine.load.LoadedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The head-importance job's second pass on the executors: masked-LM loss and accuracy of a partition's masked
 * sequences (the same seeded masks as the first pass) with each head mask of the pruning curve applied (ξ = 0 for the
 * pruned heads), one {@link ImportanceRows#PRUNED} row per mask.
 */
public final class PrunedMaskedLmFunction implements MapPartitionsFunction<Row, Row> {

    private final ImportanceSettings settings;
    private final boolean[][][] keeps;

    /** @param keeps per curve point, keep[l][h] (false: pruned) */
    public PrunedMaskedLmFunction(ImportanceSettings settings, boolean[][][] keeps) {
        this.settings = settings;
        this.keeps = keeps;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        LoadedModel model = ModelHolder.get(settings.model()).model();
        HeadImportance importance = new HeadImportance(model.transformer(), model.tokenizer().specials().pad());
        MaskedLmTally[] tallies = new MaskedLmTally[keeps.length];
        Arrays.fill(tallies, MaskedLmTally.EMPTY);
        new MaskedBatches().forEach(model, settings, input, batch -> {
            for (int i = 0; i < keeps.length; i++) {
                tallies[i] = tallies[i].plus(importance.evaluate(batch, keeps[i]));
            }
        });
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < keeps.length; i++) {
            MaskedLmTally t = tallies[i];
            out.add(RowFactory.create(i, t.lossSum(), t.correct(), t.tokens(), t.sequences()));
        }
        return out.iterator();
    }
}
