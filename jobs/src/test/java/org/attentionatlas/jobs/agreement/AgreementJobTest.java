package org.attentionatlas.jobs.agreement;

import ai.djl.Device;
import org.apache.spark.sql.Row;
import org.attentionatlas.engine.agreement.AgreementScorer;
import org.attentionatlas.engine.agreement.MethodAgreement;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.report.ReportCommand;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AgreementTables;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreement job on the first WinoBias pair of each type with minilm-l6 (no MLM head: each sentence's embedding is
 * compared with the other condition's): twelve method pairs per text (four attention scores × three attributions), the values the engine's scorer gives directly.
 */
class AgreementJobTest {

    @TempDir
    static Path dir;
    static Path output;
    static String summary;

    @BeforeAll
    static void runOnce() {
        output = dir.resolve("results");
        AgreementConfig config = AgreementCommand.config("--model", "minilm-l6", "--input",
                Fixtures.dataset("winobias").toString(), "--limit", "1", "--steps", "8", "--output", output.toString(),
                "--partitions", "2");
        summary = new AgreementJob(SharedSpark.get(), config, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();
    }

    @Test
    void everyTextHasTwelveMethodPairsWithTheEnginesValues() {
        ResultStore store = new ResultStore(SharedSpark.get(), output.toString());
        List<Row> rows = store.table(AgreementTables.AGREEMENT).collectAsList();
        Map<String, List<Row>> byText = rows.stream().collect(Collectors.groupingBy(r -> r.getAs("text_id")));
        assertEquals(List.of("type1-1-anti", "type1-1-pro", "type2-1-anti", "type2-1-pro"),
                byText.keySet().stream().sorted().toList());
        byText.values().forEach(r -> assertEquals(12, r.size()));
        Row one = byText.get("type1-1-pro").stream().filter(r -> r.getAs("attention_method").equals("rollout")
                && r.getAs("attribution_method").equals("ig")).findFirst().orElseThrow();
        String text = one.getAs("text");
        String compare = one.getAs("target");
        assertTrue(!text.equals(compare) && text.split(" ").length == compare.split(" ").length, text + " / " + compare);
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            MethodAgreement direct = new AgreementScorer(model, 8, 3).score(new AttributionRequest(text,
                    AttributionMethod.IG, 8, null, compare, AttributionRequest.DEFAULT_BASELINE)).stream()
                    .filter(m -> m.attention().equals("rollout") && m.attribution().equals("ig")).findFirst()
                    .orElseThrow();
            assertEquals(direct.tau(), one.<Double>getAs("tau"), 1e-6);
            assertEquals(direct.topKOverlap(), one.<Double>getAs("top_k_overlap"), 1e-9);
            assertEquals(direct.tokens(), one.<Integer>getAs("tokens"));
        }
        Row run = store.table(AgreementTables.RUNS).collectAsList().get(0);
        assertEquals(4L, run.<Long>getAs("scored"));
        assertEquals(0L, run.<Long>getAs("failed"));
        assertTrue(summary.contains("mean tau"), summary);
    }

    @Test
    void sqlSeesTheTables() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SqlCommand.run(SharedSpark.get(), output.toString(), "SELECT (SELECT count(*) FROM agreement) AS a, "
                + "(SELECT count(*) FROM agreement_runs) AS r", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("a,r\n48,1\n", bytes.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }

    @Test
    void theReportDrawsEveryPairAndTheMostDisagreeingText() throws Exception {
        String html = Files.readString(ReportCommand.run(SharedSpark.get(), output.toString(), null,
                dir.resolve("report"), ReportOptions.defaults()));
        String section = html.substring(html.indexOf("Does attention explain the prediction?"));
        assertTrue(section.contains("4 texts, 48 text × pair rows"), section.substring(0, 2000));
        for (String attention : AgreementScorer.ATTENTION) {
            for (String attribution : AgreementScorer.ATTRIBUTION) {
                assertTrue(section.contains("<td>" + attention + "</td><td>" + attribution + "</td><td>4</td>"),
                        attention + " × " + attribution);
            }
        }
        String lowest = SharedSpark.get().sql("SELECT text_id FROM agreement WHERE NOT isnan(tau) GROUP BY text_id "
                + "ORDER BY avg(tau), text_id LIMIT 1").collectAsList().get(0).getString(0);
        String worst = section.substring(section.indexOf("disagree most"));
        assertEquals(worst.indexOf("<td>type"), worst.indexOf("<td>" + lowest + "</td>"), "first row: " + lowest);
    }

    @Test
    void badSettingsAreRefusedBeforeAnyWork() {
        assertThrows(IllegalArgumentException.class, () -> AgreementCommand.config("--input", dir.resolve("nope")
                .toString(), "--output", dir.resolve("o").toString()));
        assertThrows(IllegalArgumentException.class, () -> AgreementCommand.config("--input",
                Fixtures.dataset("winobias").toString(), "--top-k", "0", "--output", dir.resolve("o").toString()));
    }
}
