package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.HeadSums;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.AuditTables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One language's merged {@link HeadSums} of a run with the number of documents in them, and its head_sums rows. */
public record HeadSumsRows(HeadSums sums, long documents) implements Serializable {

    /** Adds {@code other} into this (a reduce function: {@link HeadSums#add} does the sums). */
    public HeadSumsRows merge(HeadSumsRows other) {
        return new HeadSumsRows(sums.add(other.sums), documents + other.documents);
    }

    /** These sums as one sampling unit of the standard errors (all parts and windows of one document). */
    public HeadSumsRows asOneUnit() {
        return new HeadSumsRows(sums.asOneUnit(), documents);
    }

    /** One head_sums row per (layer, head) of {@code language}. */
    public List<Row> rows(ModelProvenance model, String dataset, String language) {
        List<Row> out = new ArrayList<>(sums.layers() * sums.heads());
        for (int l = 0; l < sums.layers(); l++) {
            for (int h = 0; h < sums.heads(); h++) {
                TableRow row = TableRow.of(AuditTables.HEAD_SUMS)
                        .set("model", model.name()).set("revision", model.revision()).set("dataset", dataset)
                        .set("language", language).set("layer", l).set("head", h)
                        .set("query_tokens", sums.queryTokens()).set("sequences", sums.sequences())
                        .set("documents", documents)
                        .set("offset_sums", sums.offsetMasses(l, h))
                        .set("query_tokens_sq", sums.queryTokensSquared());
                for (HeadStat s : HeadStat.values()) {
                    row.set(AuditTables.sumColumn(s), sums.sum(s, l, h))
                            .set(AuditTables.sumSquaresColumn(s), sums.sumOfSquares(s, l, h))
                            .set(AuditTables.sumTimesTokensColumn(s), sums.sumTimesTokens(s, l, h));
                }
                out.add(row.row());
            }
        }
        return out;
    }
}
