package org.attentionatlas.jobs.report;

import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.common.SparkSessions;
import org.attentionatlas.reports.AuditReport;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.reports.bias.BiasResults;
import org.attentionatlas.reports.data.AuditResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ReportCommand --results DIR --out REPORT_DIR [--compare OTHER_RESULTS_DIR] [--scale 2] [--samples 3]
 * [--master URL]}: reads an audit's tables (and the bias job's, when present) with a local Spark session and writes
 * the HTML report. Exit code 2 for a
 * bad flag or a missing results directory.
 */
public final class ReportCommand {

    private static final List<String> FLAGS = List.of("results", "out", "compare", "scale", "samples", "master");
    private static final String USAGE = "usage: --results DIR --out REPORT_DIR [--compare OTHER_RESULTS_DIR] "
            + "[--scale 2] [--samples 3] [--master URL]";

    private ReportCommand() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> flags;
        ReportOptions options;
        try {
            flags = parse(args);
            options = options(flags);
        } catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSessions.create("attention-atlas report", flags.get("master"));
        try {
            Path index = run(spark, flags.get("results"), flags.get("compare"), Paths.get(flags.get("out")), options);
            System.out.println(index);
        } finally {
            spark.stop();
        }
    }

    /** Reads the result directories and writes the report; returns its index.html. */
    public static Path run(SparkSession spark, String results, String compare, Path out, ReportOptions options)
            throws IOException {
        long t0 = System.nanoTime();
        ResultReader reader = new ResultReader(spark);
        AuditResults base = reader.read(results, options.maxSamples());
        BiasResults bias = new BiasResultReader(spark).read(results);
        AuditResults other = compare == null ? null : reader.read(compare, 0);
        long t1 = System.nanoTime();
        Path index = AuditReport.write(base, bias, other, out, options);
        System.err.printf("report: read the tables in %.1f s, rendered in %.1f s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
        return index;
    }

    static ReportOptions options(Map<String, String> flags) {
        ReportOptions o = ReportOptions.defaults();
        if (flags.containsKey("scale")) {
            double s = number(flags.get("scale"), "--scale");
            if (!(s > 0 && s <= 8)) {
                throw new IllegalArgumentException("--scale must be in (0, 8], got " + flags.get("scale"));
            }
            o = o.withScale(s);
        }
        if (flags.containsKey("samples")) {
            double n = number(flags.get("samples"), "--samples");
            if (n < 0 || n != Math.rint(n)) {
                throw new IllegalArgumentException("--samples must be a whole number ≥ 0, got " + flags.get("samples"));
            }
            o = o.withSamples((int) n);
        }
        return o;
    }

    private static double number(String v, String flag) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got '" + v + "'");
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String a = args[i];
            if (!a.startsWith("--") || !FLAGS.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value; " + USAGE);
            }
            flags.put(a.substring(2), args[i + 1]);
        }
        for (String required : List.of("results", "out")) {
            if (!flags.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required; " + USAGE);
            }
        }
        for (String dir : new String[] {flags.get("results"), flags.get("compare")}) {
            if (dir != null && !dir.contains("://") && !Files.isDirectory(Paths.get(dir))) {
                throw new IllegalArgumentException("results directory " + dir + " does not exist");
            }
        }
        return flags;
    }
}
