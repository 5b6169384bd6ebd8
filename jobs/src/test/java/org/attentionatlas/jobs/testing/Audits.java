package org.attentionatlas.jobs.testing;

import org.apache.spark.sql.Row;
import org.attentionatlas.jobs.audit.AuditCommand;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.jobs.audit.AuditConfig;
import org.attentionatlas.jobs.audit.AuditJob;
import org.attentionatlas.jobs.audit.RunSummary;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.results.AuditTables;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs audits in the test JVM and reads their tables. */
public final class Audits {

    private Audits() {
    }

    /** An audit of {@code input} into {@code output} with the default model (minilm-l6) and the given extra flags. */
    public static RunSummary run(Path input, Path output, String... flags) {
        List<String> args = new ArrayList<>(List.of("--output", output.toString(),
                "--progress-interval-ms", "60000"));
        if (input != null) {
            args.add("--input");
            args.add(input.toString());
        }
        args.addAll(List.of(flags));
        AuditConfig config = AuditCommand.config(args.toArray(new String[0]));
        return new AuditJob(SharedSpark.get(), config, new PrintStream(PrintStream.nullOutputStream())).run();
    }

    /**
     * head_stats of {@code actualOut} equal those of {@code expectedOut}: counts and roles exactly, means to ~1e-7
     * relative (each sequence's sums come from float32 device reductions whose rounding depends on its batch).
     */
    public static void assertSameHeadStats(Path expectedOut, Path actualOut) {
        Map<String, Row> expected = headStats(expectedOut);
        Map<String, Row> actual = headStats(actualOut);
        assertEquals(false, expected.isEmpty(), "no head_stats in " + expectedOut);
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<String, Row> e : expected.entrySet()) {
            Row a = actual.get(e.getKey());
            Row x = e.getValue();
            for (String c : List.of("tokens", "sequences", "documents")) {
                assertEquals(x.<Long>getAs(c), a.<Long>getAs(c), c + " of " + e.getKey());
            }
            // sums merge exactly (double), but each sequence's sums come from float32 reductions on the device
            // whose rounding depends on the padded batch it ran in: equal to ~1e-7 relative
            for (HeadStat s : HeadStat.values()) {
                double v = x.<Double>getAs(s.column());
                assertEquals(v, a.<Double>getAs(s.column()), 1e-6 * Math.max(1, Math.abs(v)), s.column() + " of " + e.getKey());
                Double se = x.getAs(AuditTables.seColumn(s));
                if (se != null) {
                    assertEquals(se, a.<Double>getAs(AuditTables.seColumn(s)), 1e-6 * Math.max(1, se), s.column() + "_se of " + e.getKey());
                } else {
                    assertEquals(null, (Object) a.getAs(AuditTables.seColumn(s)), s.column() + "_se of " + e.getKey());
                }
            }
            assertArrayEquals(doubles(x, "offset_hist"), doubles(a, "offset_hist"), 1e-6);
            assertEquals(x.<String>getAs("role"), a.<String>getAs("role"));
        }
    }

    /** The head_stats readers see in {@code out} (the latest committed audit run's), by "language/layer/head". */
    public static Map<String, Row> headStats(Path out) {
        Map<String, Row> byKey = new TreeMap<>();
        for (Row r : new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.HEAD_STATS).collectAsList()) {
            byKey.put(r.getAs("language") + "/" + r.getAs("layer") + "/" + r.getAs("head"), r);
        }
        return byKey;
    }

    public static void deleteRecursively(Path p) throws java.io.IOException {
        if (!java.nio.file.Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = java.nio.file.Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(q);
            }
        }
    }

    public static double[] doubles(Row r, String column) {
        List<Double> list = r.getList(r.fieldIndex(column));
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
