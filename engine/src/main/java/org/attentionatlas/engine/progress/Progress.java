package org.attentionatlas.engine.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line of progress for a long command: items done of total, items/s, tokens/s where tokens are counted, and an
 * ETA from the mean rate so far, e.g. {@code bias progress: 370/1508 sentences (25%), 6.9 sentences/s, ETA 165 s}.
 * Feed it absolute counts ({@link #update}) or increments ({@link #advance}); it prints the first count at once, then
 * at most as often as its {@link Pacing} allows, and always the last ({@code done == total}). Thread-safe; the clock
 * and the output are injectable so that the arithmetic is testable.
 */
public final class Progress {

    private final String label;
    private final String unit;
    private final long total;
    private final boolean countsTokens;
    private final Pacing pacing;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long done;
    private long tokens;
    private long lastPrinted = -1;
    private long lastPrintedNanos;
    private boolean stopped;

    private Progress(String label, String unit, long total, boolean countsTokens, Pacing pacing, PrintStream out,
                     LongSupplier nanoClock, long startNanos) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total must not be negative, got " + total);
        }
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.countsTokens = countsTokens;
        this.pacing = pacing;
        this.out = out;
        this.nanoClock = nanoClock;
        this.startNanos = startNanos;
    }

    /** Progress of {@code total} {@code unit} (e.g. "documents") named {@code label}, on the system clock. */
    public static Progress of(String label, String unit, long total, Pacing pacing, PrintStream out) {
        return new Progress(label, unit, total, false, pacing, out, System::nanoTime, System.nanoTime());
    }

    /** The same, also showing tokens/s. */
    public static Progress withTokens(String label, String unit, long total, Pacing pacing, PrintStream out) {
        return new Progress(label, unit, total, true, pacing, out, System::nanoTime, System.nanoTime());
    }

    /** A copy reading time from {@code nanoClock} (tests), starting now on that clock. */
    public Progress withClock(LongSupplier nanoClock) {
        return new Progress(label, unit, total, countsTokens, pacing, out, nanoClock, nanoClock.getAsLong());
    }

    /** A copy whose work began at {@code startNanos} on its clock (work that started before its total was known). */
    public Progress startedAt(long startNanos) {
        return new Progress(label, unit, total, countsTokens, pacing, out, nanoClock, startNanos);
    }

    /** What is progressing, e.g. "audit documents". */
    public String description() {
        return label + " " + unit;
    }

    public long total() {
        return total;
    }

    /** Records {@code items} more done (and no tokens); prints when due. */
    public synchronized void advance(long items) {
        update(done + items, tokens);
    }

    /** Records the counts so far ({@code tokensDone} ignored unless tokens are counted); prints when due. */
    public synchronized void update(long itemsDone, long tokensDone) {
        done = itemsDone;
        tokens = tokensDone;
        long now = nanoClock.getAsLong();
        boolean first = lastPrinted < 0;
        boolean due = (now - lastPrintedNanos) / 1_000_000 >= pacing.minMillis();
        if (stopped || done == 0 || done == lastPrinted || !(first || due || done >= total)) {
            return;
        }
        lastPrinted = done;
        lastPrintedNanos = now;
        out.println(line(now));
        out.flush();
    }

    /** Prints nothing more (a job that failed or was cancelled). */
    public synchronized void stop() {
        stopped = true;
    }

    /** Items per second since the start (0 before any time has passed). */
    public synchronized double rate() {
        return rate(nanoClock.getAsLong());
    }

    /** Seconds left at the mean rate so far; NaN while nothing is done, 0 when everything is. */
    public synchronized double etaSeconds() {
        return etaSeconds(nanoClock.getAsLong());
    }

    private double rate(long now) {
        double seconds = seconds(now);
        return seconds > 0 ? done / seconds : 0;
    }

    private double etaSeconds(long now) {
        if (done >= total) {
            return 0;
        }
        double rate = rate(now);
        return rate > 0 ? (total - done) / rate : Double.NaN;
    }

    private double seconds(long now) {
        return (now - startNanos) / 1e9;
    }

    private String line(long now) {
        double seconds = seconds(now);
        double rate = rate(now);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s progress: %d/%d %s (%.0f%%), %.1f %s/s",
                label, done, total, unit, total == 0 ? 100.0 : 100.0 * done / total, rate, unit));
        if (countsTokens) {
            b.append(String.format(Locale.ROOT, ", %.0f tokens/s", seconds > 0 ? tokens / seconds : 0));
        }
        double eta = etaSeconds(now);
        b.append(", ETA ").append(done >= total ? "-" : Double.isNaN(eta) ? "?" : formatDuration(eta));
        return b.toString();
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
