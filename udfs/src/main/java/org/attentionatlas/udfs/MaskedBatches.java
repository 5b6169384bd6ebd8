package org.attentionatlas.udfs;

import org.apache.spark.sql.Row;
import org.attentionatlas.engine.importance.MaskedSequence;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.stats.Windows;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A partition's documents ({@link ImportanceRows#INPUT}) as batches of seeded {@link MaskedSequence}s: each text
 * tokenized, cut into consecutive windows of at most the max length, window w of document k masked with key "k#w";
 * sequences sorted by length within a chunk so batches carry little padding. The same documents give the same
 * batches' contents whatever the partitioning.
 */
final class MaskedBatches {

    private static final int CHUNK_BATCHES = 8;

    private long documents;
    private long skipped;

    /** Feeds every batch of the partition to {@code batch}. */
    void forEach(LoadedModel model, ImportanceSettings s, Iterator<Row> input, Consumer<List<MaskedSequence>> batch) {
        int max = s.maxLength() == 0 ? model.config().maxTokens() : Math.min(s.maxLength(), model.config().maxTokens());
        int maskId = model.tokenizer().specials().mask();
        List<MaskedSequence> chunk = new ArrayList<>();
        while (input.hasNext()) {
            Row r = input.next();
            documents++;
            String key = r.getAs("key");
            List<MaskedSequence> sequences = new ArrayList<>();
            try {
                Encoding e = model.tokenizer().encode(r.<String>getAs("text"));
                List<Encoding> windows = Windows.split(e, max, Math.max(1, max - specials(e)));
                for (int w = 0; w < windows.size(); w++) {
                    Encoding win = windows.get(w);
                    sequences.add(MaskedSequence.of(win.ids(), win.special(), maskId, s.maskRate(), s.seed(), key + "#" + w));
                }
            } catch (IllegalArgumentException noText) {
                skipped++; // nothing to mask (the text tokenized to special tokens only)
                continue;
            }
            chunk.addAll(sequences);
            if (chunk.size() >= CHUNK_BATCHES * s.batchSize()) {
                flush(chunk, s.batchSize(), batch);
            }
        }
        flush(chunk, s.batchSize(), batch);
    }

    long documents() {
        return documents;
    }

    long skipped() {
        return skipped;
    }

    private static int specials(Encoding e) {
        int n = 0;
        for (boolean b : e.special()) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static void flush(List<MaskedSequence> chunk, int batchSize, Consumer<List<MaskedSequence>> batch) {
        chunk.sort(Comparator.comparingInt(m -> m.input().length));
        for (int i = 0; i < chunk.size(); i += batchSize) {
            batch.accept(List.copyOf(chunk.subList(i, Math.min(chunk.size(), i + batchSize))));
        }
        chunk.clear();
    }
}
