package org.attentionatlas.udfs;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.stats.HeadSums;
import org.attentionatlas.engine.stats.Windows;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The audit's executor side. For each chunk of a partition's documents: tokenize, split long documents into
 * overlapping windows, sort all windows by length, batch them under the token budget, run the device-side statistics
 * once per batch and merge each document's windows into one {@link HeadSums}. Emits one row per input row (see
 * {@link AuditedDocument}); the model is the executor's shared one ({@link ModelHolder}).
 *
 * <p>A long document may arrive as several rows (parts {@code part} of {@code parts}, so that its windows spread over
 * tasks): part i takes the windows whose index modulo {@code parts} is i. Its rows' window counts and sums add up to
 * the whole document's.
 */
public final class PartitionAuditor implements MapPartitionsFunction<Row, Row> {

    private final AuditSettings settings;
    private final LongAccumulator documentsDone;
    private final LongAccumulator tokensDone;

    public PartitionAuditor(AuditSettings settings, LongAccumulator documentsDone, LongAccumulator tokensDone) {
        this.settings = settings;
        this.documentsDone = documentsDone;
        this.tokensDone = tokensDone;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return PartitionChunks.flatten(input, this::processChunk);
    }

    private List<Row> processChunk(Iterator<Row> input) {
        ModelHolder holder = ModelHolder.get(settings.model());
        LoadedModel model = holder.model();
        List<Row> docs = PartitionChunks.take(input, settings.chunkDocs());
        int window = settings.windowLength(model.config().maxTokens());
        List<WindowBatcher.Window> windows = new ArrayList<>();
        int[] tokens = new int[docs.size()];
        int[] windowCounts = new int[docs.size()];
        for (int d = 0; d < docs.size(); d++) {
            Encoding e = model.tokenizer().encode(docs.get(d).<String>getAs(AuditedDocument.TEXT));
            tokens[d] = e.length();
            List<Encoding> all = Windows.split(e, window, settings.windowStride(window, AuditSettings.specials(e)));
            int part = docs.get(d).<Integer>getAs(AuditedDocument.PART);
            int parts = docs.get(d).<Integer>getAs(AuditedDocument.PARTS);
            for (int w = part; w < all.size(); w += parts) {
                windows.add(new WindowBatcher.Window(d, all.get(w)));
                windowCounts[d]++;
            }
        }
        HeadSums[] perDoc = new HeadSums[docs.size()];
        WindowBatcher batcher = new WindowBatcher(settings.batchTokens(), settings.batchSize());
        for (List<WindowBatcher.Window> batch : batcher.batches(windows)) {
            List<Encoding> encodings = new ArrayList<>(batch.size());
            batch.forEach(w -> encodings.add(w.encoding()));
            List<HeadSums> sums = holder.withStatistics(s -> s.run(encodings));
            for (int i = 0; i < batch.size(); i++) {
                int d = batch.get(i).document();
                if (perDoc[d] == null) {
                    perDoc[d] = sums.get(i);
                } else {
                    perDoc[d].add(sums.get(i));
                }
            }
        }
        List<Row> out = new ArrayList<>(docs.size());
        long chunkTokens = 0;
        long docsDone = 0;
        for (int d = 0; d < docs.size(); d++) {
            Row in = docs.get(d);
            HeadSums s = perDoc[d] != null ? perDoc[d] : new HeadSums(model.config().layers(), model.config().heads());
            int part = in.<Integer>getAs(AuditedDocument.PART);
            out.add(RowFactory.create(in.<String>getAs(AuditedDocument.DOC_ID), in.<String>getAs(AuditedDocument.CONTENT_HASH),
                    in.<String>getAs(AuditedDocument.LANGUAGE), part, tokens[d], windowCounts[d], s.queryTokens(), s.raw()));
            if (part == 0) {
                chunkTokens += tokens[d];
                docsDone++;
            }
        }
        documentsDone.add(docsDone);
        tokensDone.add(chunkTokens);
        return out;
    }
}
