package org.attentionatlas.jobs.importance;

import ai.djl.Device;
import org.apache.spark.sql.Row;
import org.attentionatlas.engine.importance.HeadImportance;
import org.attentionatlas.engine.importance.HeadRanking;
import org.attentionatlas.engine.importance.ImportanceSums;
import org.attentionatlas.engine.importance.MaskedLmTally;
import org.attentionatlas.engine.importance.MaskedSequence;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.stats.Windows;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.jobs.cli.AtlasCommand;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.report.ReportCommand;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.results.ImportanceTables;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The importance job on the tiny random BERT of fixtures/golden/tiny (2 layers × 4 heads, MLM head) given a hand-made
 * vocabulary: its tables equal the engine run directly on the same seeded masks one sequence at a time (so partitions
 * and batches change nothing), a rerun writes nothing, {@code sql} sees the tables, bad input writes nothing.
 */
class ImportanceJobTest {

    private static final String[] WORDS = {"the", "cat", "dog", "sat", "on", "mat", "a", "bird", "sang", "in", "tree",
            "and", "ran", "to", "house", "."};

    @TempDir
    static Path dir;
    static Path modelDir;
    static Path corpus;
    static Path output;
    static ImportanceRunSummary first;
    static ImportanceRunSummary second;

    @BeforeAll
    static void runTwice() throws Exception {
        modelDir = tinyBertWithVocabulary(dir.resolve("tiny-bert-vocab"));
        corpus = dir.resolve("tiny.jsonl");
        Files.writeString(corpus, String.join("\n",
                "{\"id\":\"d1\",\"text\":\"the cat sat on the mat .\"}",
                "{\"id\":\"d2\",\"text\":\"a bird sang in the tree and the dog ran to the house .\"}",
                "{\"id\":\"d3\",\"text\":\"the dog sat .\"}",
                "{\"id\":\"d4\",\"text\":\"\"}",
                "{\"id\":\"d5\",\"text\":\"a cat ran in the house and sat on a mat .\"}") + "\n");
        output = dir.resolve("results");
        first = run(output);
        second = run(output);
    }

    private static ImportanceRunSummary run(Path out) {
        ImportanceConfig config = ImportanceCommand.config(args(out));
        return new ImportanceJob(SharedSpark.get(), config, quiet()).run();
    }

    private static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("--model", modelDir.toString(), "--input", corpus.toString(),
                "--output", out.toString(), "--id-field", "id", "--partitions", "2", "--batch-size", "3", "--max-length", "10",
                "--device", "cpu"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** tiny-bert's config and weights with a vocab.txt of its 211 ids: specials, {@link #WORDS}, fillers. */
    private static Path tinyBertWithVocabulary(Path target) throws Exception {
        Path tiny = Fixtures.tinyModel("tiny-bert");
        Files.createDirectories(target);
        Files.copy(tiny.resolve("config.json"), target.resolve("config.json"));
        Files.copy(tiny.resolve("model.safetensors"), target.resolve("model.safetensors"));
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        vocab.addAll(List.of(WORDS));
        while (vocab.size() < 211) {
            vocab.add("filler" + vocab.size());
        }
        Files.write(target.resolve("vocab.txt"), vocab);
        return target;
    }

    /** What the job must compute: every window of every document masked as the job masks it, one at a time. */
    private static List<MaskedSequence> expectedSequences(LoadedModel model) {
        String[][] docs = {{"d1", "the cat sat on the mat ."},
                {"d2", "a bird sang in the tree and the dog ran to the house ."}, {"d3", "the dog sat ."},
                {"d5", "a cat ran in the house and sat on a mat ."}};
        List<MaskedSequence> out = new ArrayList<>();
        for (String[] d : docs) {
            Encoding e = model.tokenizer().encode(d[1]);
            List<Encoding> windows = Windows.split(e, 10, 8);
            for (int w = 0; w < windows.size(); w++) {
                out.add(MaskedSequence.of(windows.get(w).ids(), windows.get(w).special(), 4, 0.15, 42, d[0] + "#" + w));
            }
        }
        return out;
    }

    @Test
    void tablesEqualTheEngineRunOneSequenceAtATime() {
        try (LoadedModel model = ModelLoader.withDefaultStore().load(modelDir.toString(), Device.cpu())) {
            HeadImportance importance = new HeadImportance(model.transformer(), 0);
            List<MaskedSequence> sequences = expectedSequences(model);
            assertEquals(6, sequences.size()); // d2 (14 text tokens) and d5 (12) take two windows of 8 + [CLS], [SEP]
            ImportanceSums sums = ImportanceSums.empty(2, 4);
            for (MaskedSequence s : sequences) {
                sums = sums.plus(importance.gradients(List.of(s)));
            }
            HeadRanking ranking = HeadRanking.of(sums);
            ResultStore store = new ResultStore(SharedSpark.get(), output.toString());
            List<Row> heads = store.table(ImportanceTables.HEADS).orderBy("layer", "head").collectAsList();
            assertEquals(8, heads.size());
            for (int i = 0; i < 8; i++) {
                Row r = heads.get(i);
                assertEquals(ranking.raw()[i], r.<Double>getAs("importance_raw"), 1e-6 * (1 + ranking.raw()[i]), "head " + i);
                assertEquals(ranking.normalised()[i], r.<Double>getAs("importance"), 1e-5, "head " + i);
                assertEquals(ranking.rank()[i], r.<Integer>getAs("rank"), "head " + i);
                assertEquals(6L, r.<Long>getAs("sequences"));
                assertEquals(sums.maskedTokens(), r.<Long>getAs("masked_tokens"));
            }
            List<Row> curve = store.table(ImportanceTables.PRUNING).orderBy("fraction").collectAsList();
            assertEquals(10, curve.size());
            for (Row r : curve) {
                double fraction = r.getAs("fraction");
                MaskedLmTally t = MaskedLmTally.EMPTY;
                for (MaskedSequence s : sequences) {
                    t = t.plus(importance.evaluate(List.of(s), ranking.keep(fraction)));
                }
                assertEquals(ranking.prunedCount(fraction), r.<Integer>getAs("heads_pruned"));
                assertEquals(t.loss(), r.<Double>getAs("mlm_loss"), 1e-5, "loss at " + fraction);
                assertEquals(t.accuracy(), r.<Double>getAs("mlm_accuracy"), 1e-12, "accuracy at " + fraction);
            }
            assertEquals(7, curve.get(9).<Integer>getAs("heads_pruned")); // ⌊0.9 · 8⌋
        }
    }

    @Test
    void aRerunFindsTheCommittedRunAndWritesNothing() {
        assertNotNull(first.runId());
        assertEquals(first.runId(), second.previousRun());
        assertEquals(1, new ResultStore(SharedSpark.get(), output.toString()).committedRuns().size());
    }

    @Test
    void sqlSeesTheTables() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SqlCommand.run(SharedSpark.get(), output.toString(),
                "SELECT (SELECT count(*) FROM head_importance) AS h, (SELECT count(*) FROM head_pruning) AS p, "
                        + "(SELECT max(documents) FROM importance_runs) AS d, (SELECT min(rank) FROM head_importance) AS r",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("h,p,d,r\n8,10,4,0\n", bytes.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }

    @Test
    void theReportDrawsTheRun() throws Exception {
        Path report = dir.resolve("report");
        String html = Files.readString(ReportCommand.run(SharedSpark.get(), output.toString(), null, report,
                ReportOptions.defaults()));
        assertTrue(html.contains("Head importance — tiny-bert-vocab @ "), "the section's heading");
        for (String f : List.of("pruning", "heads")) {
            assertTrue(Files.isRegularFile(report.resolve("figures").resolve("importance-tiny-bert-vocab-tiny-" + f
                    + ".png")), f);
        }
    }

    @Test
    void badSettingsExitWithCodeTwoAndWriteNothing() {
        Path out = dir.resolve("bad-out");
        String[][] cases = {{"--mask-rate", "1.5"}, {"--fractions", "0.1,0.2"}, {"--fractions", "0,0.5,0.3"},
                {"--batch-size", "0"}};
        String[] expected = {"error: --mask-rate must be in (0, 1], got 1.5",
                "error: --fractions must start at 0 (the unpruned model), got [0.1, 0.2]",
                "error: --fractions must ascend and stay below 1, got [0.0, 0.5, 0.3]",
                "error: --batch-size must be positive, got 0"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("importance", "--model", modelDir.toString(), "--input",
                    corpus.toString(), "--output", out.toString()));
            args.addAll(List.of(cases[i]));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = AtlasCommand.run(args.toArray(new String[0]), quiet(),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
            assertEquals(expected[i], err.toString(StandardCharsets.UTF_8).strip());
            assertFalse(Files.exists(out));
        }
    }

    /** Exceptions the command line maps to one line and exit code 2 (run in the shared session: the CLI would stop it). */
    @Test
    void badInputFailsBeforeWritingAnything() throws Exception {
        Path out = dir.resolve("bad-out");
        InputException missing = assertThrows(InputException.class, () -> new ImportanceJob(SharedSpark.get(),
                ImportanceCommand.config("--model", modelDir.toString(), "--input", dir.resolve("missing.jsonl")
                        .toString(), "--output", out.toString()), quiet()).run());
        assertTrue(missing.getMessage().contains("missing.jsonl"), missing.getMessage());
        JobException encoderOnly = assertThrows(JobException.class, () -> new ImportanceJob(SharedSpark.get(),
                ImportanceCommand.config("--model", "minilm-l6", "--input", corpus.toString(), "--output",
                        out.toString()), quiet()).run());
        assertTrue(encoderOnly.getMessage().contains("'minilm-l6' has no masked-LM head"), encoderOnly.getMessage());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "{\"id\":\"x\",\"text\":\"\"}\n");
        JobException nothing = assertThrows(JobException.class, () -> new ImportanceJob(SharedSpark.get(),
                ImportanceCommand.config("--model", modelDir.toString(), "--input", empty.toString(), "--output",
                        out.toString()), quiet()).run());
        assertTrue(nothing.getMessage().startsWith("no usable document in " + empty), nothing.getMessage());
        assertFalse(Files.exists(out));
    }
}
