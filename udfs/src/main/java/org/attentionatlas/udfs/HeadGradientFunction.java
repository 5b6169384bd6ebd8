package org.attentionatlas.udfs;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.engine.importance.HeadImportance;
import org.attentionatlas.engine.importance.ImportanceSums;
import org.attentionatlas.engine.load.LoadedModel;

import java.util.Iterator;
import java.util.List;

/**
 * The head-importance job's first pass on the executors: Σ_x |∂L_x/∂ξ| per head over a partition's masked sequences
 * ({@link HeadImportance#gradients}), returned as one {@link ImportanceRows#GRADIENTS} row for the driver to add up.
 */
public final class HeadGradientFunction implements MapPartitionsFunction<Row, Row> {

    private final ImportanceSettings settings;

    public HeadGradientFunction(ImportanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        LoadedModel model = ModelHolder.get(settings.model()).model();
        HeadImportance importance = new HeadImportance(model.transformer(), model.tokenizer().specials().pad());
        ImportanceSums[] sums = {ImportanceSums.empty(model.config().layers(), model.config().heads())};
        MaskedBatches batches = new MaskedBatches();
        long t0 = System.nanoTime();
        batches.forEach(model, settings, input, batch -> sums[0] = sums[0].plus(importance.gradients(batch)));
        ImportanceSums s = sums[0];
        return List.of(RowFactory.create(s.absGradient(), s.sequences(), s.maskedTokens(), batches.documents(),
                batches.skipped(), System.nanoTime() - t0)).iterator();
    }
}
