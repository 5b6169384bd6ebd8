package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.HeadSums;
import org.attentionatlas.engine.stats.OffsetBuckets;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Per-language partial sums of one run, merged across documents, and their head_sums rows. */
public final class HeadSumsRows {

    /** Mergeable sums of some documents: the raw {@link HeadSums} array plus counts. */
    public static final class Partial implements Serializable {
        final double[] sums;
        long queryTokens;
        long sequences;
        long documents;

        public Partial(double[] sums, long queryTokens, long sequences, long documents) {
            this.sums = sums.clone();
            this.queryTokens = queryTokens;
            this.sequences = sequences;
            this.documents = documents;
        }

        public Partial merge(Partial o) {
            if (o.sums.length != sums.length) {
                throw new IllegalArgumentException("sums of different models: " + sums.length + " vs " + o.sums.length);
            }
            for (int i = 0; i < sums.length; i++) {
                sums[i] += o.sums[i];
            }
            queryTokens += o.queryTokens;
            sequences += o.sequences;
            documents += o.documents;
            return this;
        }
    }

    private HeadSumsRows() {
    }

    /** One head_sums row per (layer, head) of one language. */
    public static List<Row> rows(String model, String revision, String dataset, String language, int layers, int heads,
                                 Partial p) {
        HeadSums s = HeadSums.of(layers, heads, p.sums, p.queryTokens, p.sequences);
        List<Row> out = new ArrayList<>(layers * heads);
        HeadStat[] stats = HeadStat.values();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                Object[] v = new Object[9 + stats.length + 1];
                int i = 0;
                v[i++] = model;
                v[i++] = revision;
                v[i++] = dataset;
                v[i++] = language;
                v[i++] = l;
                v[i++] = h;
                v[i++] = p.queryTokens;
                v[i++] = p.sequences;
                v[i++] = p.documents;
                for (HeadStat st : stats) {
                    v[i++] = s.sum(st, l, h);
                }
                double[] offsets = new double[OffsetBuckets.count()];
                for (int b = 0; b < offsets.length; b++) {
                    offsets[b] = s.offsetMass(l, h, b);
                }
                v[i] = offsets;
                out.add(RowFactory.create(v));
            }
        }
        return out;
    }
}
