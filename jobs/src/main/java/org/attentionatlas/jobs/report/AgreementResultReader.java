package org.attentionatlas.jobs.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.reports.agreement.AgreementResults;
import org.attentionatlas.results.AgreementTables;

import java.util.ArrayList;
import java.util.List;

/** Reads the agreement table of one result directory for the report: the latest run of each model and dataset. */
public final class AgreementResultReader {

    private final SparkSession spark;

    public AgreementResultReader(SparkSession spark) {
        this.spark = spark;
    }

    /** The agreement results of {@code dir}, or null when it holds no committed agreement run. */
    public AgreementResults read(String dir) {
        new ResultStore(spark, dir).registerViews(AgreementTables.ALL);
        List<AgreementResults.Run> runs = new ArrayList<>();
        for (Row latest : spark.sql("SELECT model, revision, dataset, MAX(run_id) AS run_id FROM agreement "
                + "GROUP BY model, revision, dataset ORDER BY model, revision, dataset").collectAsList()) {
            runs.add(run(latest.getAs("run_id"), latest.getAs("model"), latest.getAs("revision"),
                    latest.getAs("dataset")));
        }
        return runs.isEmpty() ? null : new AgreementResults(runs);
    }

    private AgreementResults.Run run(String runId, String model, String revision, String dataset) {
        List<AgreementResults.PairTau> rows = new ArrayList<>();
        for (Row r : spark.sql("SELECT text_id, text, target, attention_method, attribution_method, tau, p_value, "
                + "top_k_overlap FROM agreement WHERE run_id = '" + runId.replace("'", "''") + "' AND model = '"
                + model.replace("'", "''") + "' AND dataset = '" + dataset.replace("'", "''")
                + "' ORDER BY text_id").collectAsList()) {
            rows.add(new AgreementResults.PairTau(r.getAs("text_id"), r.getAs("text"), r.getAs("target"),
                    r.getAs("attention_method"), r.getAs("attribution_method"), nan(r, "tau"), nan(r, "p_value"),
                    nan(r, "top_k_overlap")));
        }
        return new AgreementResults.Run(runId, model, revision, dataset, rows);
    }

    private static double nan(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : (Double) v;
    }
}
