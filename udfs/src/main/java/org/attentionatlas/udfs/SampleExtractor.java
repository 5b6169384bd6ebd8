package org.attentionatlas.udfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.stats.Windows;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.ResultTable;
import org.attentionatlas.results.RowValues;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw attention of a few sampled documents, for reports and the web page: for a document's first window, one row per
 * (layer, head) with the tokens and the [T, T] attention matrix. Input rows: {@code doc_id, content_hash, language,
 * text}.
 */
public final class SampleExtractor implements FlatMapFunction<Row, Row> {

    /** The rows it returns: the samples table without the model columns the driver adds. */
    public static final ResultTable SAMPLE = AuditTables.SAMPLES.without("model", "revision");

    /** Encoder self-attention patterns: {@code blocks.N.attn.hook_pattern} or {@code encoder.blocks.N.…}. */
    private static final Pattern SELF_PATTERN = Pattern.compile("^(?:encoder\\.)?blocks\\.(\\d+)\\.attn\\.hook_pattern$");

    private final AuditSettings settings;

    public SampleExtractor(AuditSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Row doc) {
        LoadedModel model = ModelHolder.get(settings.model()).model();
        Encoding e = model.tokenizer().encode(doc.<String>getAs("text"));
        int window = settings.windowLength(model.config().maxTokens());
        Encoding first = Windows.split(e, window, settings.windowStride(window, 2)).get(0);
        List<Row> out = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            Hooks hooks = Hooks.create();
            Captures captures = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
            model.transformer().forward(m, PaddedBatch.of(m, List.of(first.ids()), model.config().padTokenId()), hooks);
            int t = first.length();
            for (Map.Entry<String, NDArray> c : captures.all().entrySet()) {
                Matcher name = SELF_PATTERN.matcher(c.getKey());
                if (!name.matches()) {
                    continue;
                }
                int layer = Integer.parseInt(name.group(1));
                float[] p = c.getValue().toType(DataType.FLOAT32, false).toFloatArray(); // [1, H, T, T]
                int heads = (int) c.getValue().getShape().get(1);
                for (int h = 0; h < heads; h++) {
                    float[][] rows = new float[t][];
                    for (int q = 0; q < t; q++) {
                        rows[q] = java.util.Arrays.copyOfRange(p, (h * t + q) * t, (h * t + q + 1) * t);
                    }
                    out.add(RowFactory.create(RowValues.of(SAMPLE).set("doc_id", doc.getAs("doc_id"))
                            .set("content_hash", doc.getAs("content_hash")).set("language", doc.getAs("language"))
                            .set("layer", layer).set("head", h).set("tokens", first.tokens()).set("attention", rows)
                            .values()));
                }
            }
        }
        return out.iterator();
    }
}
