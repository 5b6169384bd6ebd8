package org.attentionatlas.jobs.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.engine.importance.PruningCurve;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.reports.importance.ImportanceResults;
import org.attentionatlas.results.ImportanceTables;

import java.util.ArrayList;
import java.util.List;

/** Reads the head-importance tables of one result directory for the report: the latest run of each model and dataset. */
public final class ImportanceResultReader {

    private final SparkSession spark;

    public ImportanceResultReader(SparkSession spark) {
        this.spark = spark;
    }

    /** The importance results of {@code dir}, or null when it holds no committed importance run. */
    public ImportanceResults read(String dir) {
        new ResultStore(spark, dir).registerViews(ImportanceTables.ALL);
        List<ImportanceResults.Run> runs = new ArrayList<>();
        for (Row latest : spark.sql("SELECT model, revision, dataset, MAX(run_id) AS run_id FROM head_importance "
                + "GROUP BY model, revision, dataset ORDER BY model, revision, dataset").collectAsList()) {
            runs.add(run(latest.getAs("run_id"), latest.getAs("model"), latest.getAs("revision"),
                    latest.getAs("dataset")));
        }
        return runs.isEmpty() ? null : new ImportanceResults(runs);
    }

    private ImportanceResults.Run run(String runId, String model, String revision, String dataset) {
        String where = " WHERE run_id = '" + runId.replace("'", "''") + "'";
        List<Row> heads = spark.sql("SELECT layer, head, importance, sequences, masked_tokens FROM head_importance"
                + where + " ORDER BY layer, head").collectAsList();
        int layers = 1 + heads.stream().mapToInt(r -> r.<Integer>getAs("layer")).max().orElse(-1);
        int perLayer = 1 + heads.stream().mapToInt(r -> r.<Integer>getAs("head")).max().orElse(-1);
        double[][] importance = new double[layers][perLayer];
        for (Row r : heads) {
            importance[r.<Integer>getAs("layer")][r.<Integer>getAs("head")] = r.getAs("importance");
        }
        List<PruningCurve.Point> points = new ArrayList<>();
        for (Row r : spark.sql("SELECT fraction, heads_pruned, mlm_loss, mlm_accuracy FROM head_pruning" + where
                + " ORDER BY fraction").collectAsList()) {
            points.add(new PruningCurve.Point(r.getAs("fraction"), r.getAs("heads_pruned"), r.getAs("mlm_loss"),
                    r.getAs("mlm_accuracy")));
        }
        Row first = heads.get(0);
        return new ImportanceResults.Run(runId, model, revision, dataset, first.getAs("sequences"),
                first.getAs("masked_tokens"), importance, new PruningCurve(points));
    }
}
