package org.attentionatlas.jobs.testing;

import org.apache.spark.sql.Row;
import org.attentionatlas.jobs.audit.AuditCommand;
import org.attentionatlas.jobs.audit.AuditConfig;
import org.attentionatlas.jobs.audit.AuditJob;
import org.attentionatlas.jobs.audit.RunSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
