package org.attentionatlas.jobs.common;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.attentionatlas.engine.progress.Progress;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Feeds a {@link Progress} from the executors: they add to {@link #items()} (and {@link #tokens()}) as they finish
 * work. A finished task's counts reach the driver with its end; a running task's so far with each executor heartbeat
 * ({@code spark.executor.heartbeatInterval}), so a job of few long tasks still shows its count move. Close it when the
 * job's work is done (it stops printing and unregisters).
 *
 * <pre>{@code try (SparkProgress p = SparkProgress.start(spark, Progress.of("bias", "sentences", n, pacing, out))) {
 *     rows.mapPartitions(new Scorer(settings, p.items()), ...) ... }}</pre>
 */
public final class SparkProgress extends SparkListener implements AutoCloseable {

    private final SparkSession spark;
    private final Progress progress;
    private final LongAccumulator items;
    private final LongAccumulator tokens;
    /** Per running task: its items and tokens so far, from the last heartbeat. */
    private final Map<Long, long[]> running = new HashMap<>();
    private final Set<Long> ended = new HashSet<>();

    private SparkProgress(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
        this.items = spark.sparkContext().longAccumulator(progress.description());
        this.tokens = spark.sparkContext().longAccumulator(progress.description() + " tokens");
    }

    /** Registers the listener and its accumulators on {@code spark}'s context. */
    public static SparkProgress start(SparkSession spark, Progress progress) {
        SparkProgress p = new SparkProgress(spark, progress);
        spark.sparkContext().addSparkListener(p);
        return p;
    }

    /** What executors add finished items to. */
    public LongAccumulator items() {
        return items;
    }

    /** What executors add processed tokens to (shown when the {@link Progress} counts tokens). */
    public LongAccumulator tokens() {
        return tokens;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        long task = taskEnd.taskInfo().taskId();
        running.remove(task); // its counts are in the accumulators now
        ended.add(task);
        report();
    }

    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        boolean ours = false;
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
                : CollectionConverters.asJava(update.accumUpdates())) {
            long task = (Long) t._1();
            if (ended.contains(task)) {
                continue; // a late heartbeat of a finished task
            }
            for (AccumulableInfo info : CollectionConverters.asJava(t._4())) {
                int slot = info.id() == items.id() ? 0 : info.id() == tokens.id() ? 1 : -1;
                if (slot >= 0 && info.update().isDefined()) {
                    running.computeIfAbsent(task, k -> new long[2])[slot] = ((Number) info.update().get()).longValue();
                    ours = true;
                }
            }
        }
        if (ours) {
            report();
        }
    }

    private void report() {
        long partialItems = 0;
        long partialTokens = 0;
        for (long[] p : running.values()) {
            partialItems += p[0];
            partialTokens += p[1];
        }
        progress.update(items.value() + partialItems, tokens.value() + partialTokens);
    }

    @Override
    public void close() {
        progress.stop();
        spark.sparkContext().removeSparkListener(this);
    }
}
