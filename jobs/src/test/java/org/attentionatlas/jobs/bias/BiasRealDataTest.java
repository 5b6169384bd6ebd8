package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real data, kept fast: the bundled probes (% female from WinoGender's statistics in {@code data/winogender}) and
 * the first five lines of each WinoBias dev file (20 sentences), with minilm-l6.
 */
class BiasRealDataTest {

    @TempDir
    Path dir;

    @Test
    void probesAndAWinoBiasSubset() throws Exception {
        Path wino = Files.createDirectories(dir.resolve("in/winobias"));
        try (var files = Files.list(Fixtures.dataset("winobias"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".dev")) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    Files.write(wino.resolve(name), lines.subList(0, 5), StandardCharsets.UTF_8);
                } else if (name.endsWith("_occupations.txt")) {
                    Files.copy(f, wino.resolve(name));
                }
            }
        }
        Path out = dir.resolve("results");
        BiasRunSummary s = new BiasJob(SharedSpark.get(), BiasCommand.config("--model", "minilm-l6", "--dataset",
                "winobias,probes", "--input", dir.resolve("in").toString(), "--stats",
                Fixtures.dataset("winogender").toString(), "--output", out.toString(), "--bootstrap", "200",
                "--permutations", "500"), new java.io.PrintStream(java.io.PrintStream.nullOutputStream())).run();
        // 20 WinoBias sentences + 300 English probes; the 120 Chinese probe pairs are rejected: 他 and 她 are [UNK]
        assertEquals(20 + 300, s.sentences(), s.describe());
        assertEquals(s.sentences(), s.scored(), s.describe());
        assertEquals(120L, s.rejectsByKind().get("SAME_TOKENS"), s.describe());

        SparkSession spark = SharedSpark.get();
        SqlCommand.registerViews(spark, out.toString());
        Row rho = spark.sql("SELECT estimate, p_value, n FROM bias_summary WHERE dataset = 'probes' AND grp = 'en'"
                + " AND metric = 'association_rho'").first();
        assertEquals(24, rho.getInt(2)); // English probe occupations with BLS statistics
        assertTrue(rho.getDouble(0) >= -1 && rho.getDouble(0) <= 1);
        assertTrue(rho.getDouble(1) > 0 && rho.getDouble(1) <= 1);
        assertEquals(10, spark.sql("SELECT n FROM bias_summary WHERE dataset = 'winobias' AND grp = 'all'"
                + " AND metric = 'coref_gap' AND attention = 'head_avg'").first().getInt(0));
        assertEquals(72, spark.sql("SELECT * FROM bias_heads WHERE dataset = 'probes' AND grp = 'en'"
                + " AND metric = 'association_rho'").count());
    }
}
