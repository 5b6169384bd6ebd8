package org.attentionatlas.jobs.audit;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the audit's progress on the driver as tasks finish: documents done, documents/s and an ETA. Reads the
 * accumulators the executors add to (their values reach the driver when a task ends).
 */
public final class ProgressListener extends SparkListener {

    private final LongAccumulator documents;
    private final LongAccumulator tokens;
    private final long total;
    private final long intervalMillis;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastPrinted = -1;
    private long lastPrintedAt;
    private volatile boolean active = true;

    public ProgressListener(LongAccumulator documents, LongAccumulator tokens, long total, long intervalMillis, PrintStream out) {
        this.documents = documents;
        this.tokens = tokens;
        this.total = total;
        this.intervalMillis = intervalMillis;
        this.out = out;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (!active) {
            return;
        }
        long done = documents.value();
        long now = System.currentTimeMillis();
        if (done == 0 || done == lastPrinted || (done < total && now - lastPrintedAt < intervalMillis)) {
            return;
        }
        lastPrinted = done;
        lastPrintedAt = now;
        out.println(line(done, tokens.value(), (System.nanoTime() - startNanos) / 1e9));
        out.flush();
    }

    /** Stops printing (the listener stays registered until the session ends). */
    public void stop() {
        active = false;
    }

    String line(long done, long tokensDone, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && done < total ? String.format(Locale.ROOT, "%.0f s", (total - done) / rate) : "-";
        return String.format(Locale.ROOT, "audit progress: %d/%d documents (%.0f%%), %.1f documents/s, %.0f tokens/s, ETA %s",
                done, total, total == 0 ? 100.0 : 100.0 * done / total, rate, seconds > 0 ? tokensDone / seconds : 0, eta);
    }
}
