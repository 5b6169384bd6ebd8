package org.attentionatlas.udfs;

import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The chunking loop shared by the executor-side {@code mapPartitions} functions ({@link PartitionAuditor},
 * {@link BiasScorer}): a partition is processed lazily, one chunk of at most {@code chunkDocs} rows at a time, so that
 * each chunk borrows the executor's model ({@link ModelHolder}) for one batched pass.
 */
final class PartitionChunks {

    private PartitionChunks() {
    }

    /**
     * The rows {@code process} returns for each chunk, in order; {@code process} is called (with the partition's
     * iterator) whenever the previous chunk's rows are used up and input remains, and takes its rows with
     * {@link #take}.
     */
    static Iterator<Row> flatten(Iterator<Row> input, Function<Iterator<Row>, List<Row>> process) {
        return new Iterator<>() {
            private Iterator<Row> chunk = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!chunk.hasNext() && input.hasNext()) {
                    chunk = process.apply(input).iterator();
                }
                return chunk.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }
        };
    }

    /** The next chunk: up to {@code chunkDocs} rows (at least one) from {@code input}. */
    static List<Row> take(Iterator<Row> input, int chunkDocs) {
        List<Row> rows = new ArrayList<>();
        while (input.hasNext() && rows.size() < Math.max(1, chunkDocs)) {
            rows.add(input.next());
        }
        return rows;
    }
}
