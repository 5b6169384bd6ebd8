package org.attentionatlas.jobs.align;

import ai.djl.Device;
import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.align.AlignCorpus;
import org.attentionatlas.datasets.align.AlignedPair;
import org.attentionatlas.datasets.align.AlignmentReader;
import org.attentionatlas.engine.align.AerCounts;
import org.attentionatlas.engine.align.AlignGrid;
import org.attentionatlas.engine.align.AlignKey;
import org.attentionatlas.engine.align.AlignMethod;
import org.attentionatlas.engine.align.GoldAlignment;
import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.align.PairAligner;
import org.attentionatlas.engine.align.PreSplitTokenizer;
import org.attentionatlas.engine.align.TokenizedPair;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AlignTables;
import org.attentionatlas.results.RunProvenance;
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
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alignment job on a small hand-written input with minilm-l6 (6 layers × 12 heads): its tables hold the counts
 * the engine's aligners give when run directly, rejects are counted, {@code sql} sees every table.
 */
class AlignJobTest {

    @TempDir
    static Path dir;
    static Path pairs;
    static Path gold;
    static Path output;
    static AlignRunSummary summary;
    static ResultStore store;

    @BeforeAll
    static void runOnce() throws Exception {
        pairs = dir.resolve("deen.src-tgt");
        gold = dir.resolve("deen.gold");
        Files.writeString(pairs, String.join("\n",
                "das haus ist klein . ||| the house is small .",
                "ich sehe den hund ||| i see the dog",
                " ||| empty source",
                "guten morgen ||| good morning",
                "danke ||| thanks") + "\n");
        Files.writeString(gold, String.join("\n",
                "1-1 2-2 3-3 4-4 5-5",
                "1-1 2-2 3p3 4-4 9-9",     // a link outside the sentence
                "1-1",
                "1-1 2-2 x"               // a malformed item
                ) + "\n");                // one gold line short: pair 5 unmatched
        output = dir.resolve("results");
        AlignConfig config = AlignCommand.config("--model", "minilm-l6", "--input", pairs.toString(), "--gold",
                gold.toString(), "--links", "--output", output.toString(), "--partitions", "2", "--batch-size", "2");
        summary = new AlignJob(SharedSpark.get(), config, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();
        store = new ResultStore(SharedSpark.get(), output.toString());
    }

    @Test
    void layerAndHeadCountsEqualTheEngineRunDirectly() {
        AlignCorpus corpus = AlignmentReader.read(pairs, gold);
        assertEquals(3, corpus.pairs().size());
        AlignGrid grid = new AlignGrid(6, 12);
        AerCounts[] expected = new AerCounts[grid.size()];
        java.util.Arrays.fill(expected, AerCounts.ZERO);
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            List<TokenizedPair> tokenized = new ArrayList<>();
            for (AlignedPair p : corpus.pairs()) {
                tokenized.add(TokenizedPair.of(PreSplitTokenizer.encode(model.tokenizer(), p.src()),
                        PreSplitTokenizer.encode(model.tokenizer(), p.tgt())));
            }
            PairAligner.Result r = new PairAligner(model.transformer(), 1).align(tokenized);
            for (int i = 0; i < tokenized.size(); i++) {
                AlignedPair p = corpus.pairs().get(i);
                GoldAlignment g = new GoldAlignment(Link.ofFlat(p.sure()), Link.ofFlat(p.possible()));
                for (int k = 0; k < grid.size(); k++) {
                    expected[k] = expected[k].plus(AerCounts.of(r.links().get(i).get(k), g));
                }
            }
        }
        List<Row> layers = store.table(AlignTables.LAYERS).collectAsList();
        assertEquals(2 * 7 + 6, layers.size());
        for (Row row : layers) {
            AlignMethod m = switch (row.<String>getAs("method")) {
                case "softmax" -> AlignMethod.SOFTMAX;
                case "argmax" -> AlignMethod.ARGMAX;
                default -> AlignMethod.ATTENTION_MEAN;
            };
            int layer = row.getAs("layer");
            AerCounts c = expected[grid.index(new AlignKey(m, m == AlignMethod.ATTENTION_MEAN ? layer - 1 : layer, -1))];
            assertEquals(c.predicted(), row.<Long>getAs("links"), row.toString());
            assertEquals(c.hitSure(), row.<Long>getAs("hit_sure"), row.toString());
            assertEquals(c.hitPossible(), row.<Long>getAs("hit_possible"), row.toString());
            assertEquals(c.aer(), row.<Double>getAs("aer"), 1e-12, row.toString());
            assertEquals(3L, row.<Long>getAs("sentences"));
            assertEquals("deen", row.getAs("language_pair"));
        }
        // 5 + 3 + 2 sure links (9-9 rejected, 3p3 possible only)
        assertEquals(10L, layers.get(0).<Long>getAs("sure"));
        List<Row> heads = store.table(AlignTables.HEADS).collectAsList();
        assertEquals(6 * 12, heads.size());
        for (Row row : heads) {
            AerCounts c = expected[grid.index(new AlignKey(AlignMethod.HEAD, row.getAs("layer"), row.getAs("head")))];
            assertEquals(c.predicted(), row.<Long>getAs("links"));
            assertEquals(c.precision(), row.getAs("precision") == null ? Double.NaN : row.<Double>getAs("precision"), 1e-12);
        }
    }

    @Test
    void everyRejectIsCounted() {
        List<String> got = store.table(AlignTables.REJECTS).collectAsList().stream()
                .map(r -> r.<Long>getAs("line") + ": " + r.<String>getAs("reason")).sorted().toList();
        assertEquals(List.of(
                "2: link 9-9 outside the sentence (4 source words, 4 target words)",
                "3: empty source side",
                "4: malformed link item 'x'",
                "5: no matching line in " + gold + " (5 pair lines, 4 gold lines)"), got);
        assertEquals(4, summary.rejects().size());
        assertEquals(3, summary.aligned());
    }

    @Test
    void linksAndRunsAreWritten() {
        List<Row> links = store.table(AlignTables.LINKS).collectAsList();
        assertEquals(2 * 3, links.size()); // best layer aligner and best head per pair
        assertEquals(1, links.stream().filter(r -> r.getAs("head") == null).map(r -> r.<String>getAs("method") + r.getAs("layer")).distinct().count());
        for (Row r : links) {
            String text = r.getAs("links");
            assertTrue(text.isEmpty() || text.matches("\\d+-\\d+( \\d+-\\d+)*"), text);
        }
        // per line: the words, then the gold as written in the reader's 0-based notation (sure | possible-only)
        Map<Long, String> gold = new TreeMap<>();
        links.forEach(r -> gold.put(r.getAs("line"), r.getAs("src") + " ||| " + r.getAs("tgt") + " : "
                + r.getAs("gold_sure") + " | " + r.getAs("gold_possible")));
        assertEquals(Map.of(
                1L, "das haus ist klein . ||| the house is small . : 0-0 1-1 2-2 3-3 4-4 | ",
                2L, "ich sehe den hund ||| i see the dog : 0-0 1-1 3-3 | 2-2",
                4L, "guten morgen ||| good morning : 0-0 1-1 | "), gold);
        Row run = store.table(AlignTables.RUNS).collectAsList().get(0);
        assertEquals(RunProvenance.COLUMNS.get(0).name(), run.schema().fieldNames()[0]);
        assertEquals("minilm-l6", run.getAs("model"));
        assertEquals(3L, run.<Long>getAs("aligned"));
        assertEquals(4L, run.<Long>getAs("rejected"));
        assertTrue(run.<Double>getAs("similarity_pairs_per_s") > 0);
    }

    @Test
    void sqlSeesTheTables() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SqlCommand.run(SharedSpark.get(), output.toString(),
                "SELECT (SELECT count(*) FROM align_layers) AS l, (SELECT count(*) FROM align_heads) AS h, "
                        + "(SELECT count(*) FROM align_links) AS k, (SELECT count(*) FROM align_rejects) AS r, "
                        + "(SELECT count(*) FROM align_runs) AS u",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("l,h,k,r,u\n20,72,6,4,1\n", bytes.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }

    @Test
    void withoutGoldAerIsNull() throws Exception {
        Path out = dir.resolve("nogold");
        Path tsv = dir.resolve("tatoeba.fra-eng.tsv");
        Files.writeString(tsv, "orig_line\teng\tfra\n0\tWe agree.\tNous sommes d'accord.\n");
        AlignConfig config = AlignCommand.config("--model", "minilm-l6", "--input", tsv.toString(), "--links",
                "--output", out.toString());
        new AlignJob(SharedSpark.get(), config, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();
        ResultStore s = new ResultStore(SharedSpark.get(), out.toString());
        List<Row> layers = s.table(AlignTables.LAYERS).collectAsList();
        assertEquals(20, layers.size());
        layers.forEach(r -> assertNull(r.getAs("aer")));
        assertTrue(layers.stream().mapToLong(r -> r.<Long>getAs("links")).sum() > 0);
        List<Row> links = s.table(AlignTables.LINKS).collectAsList();
        assertEquals(1, links.size()); // softmax at the last layer (minilm-l6 has 6), no head without gold
        assertEquals("softmax", links.get(0).getAs("method"));
        assertEquals(6, links.get(0).<Integer>getAs("layer"));
        assertEquals("fra-eng", links.get(0).getAs("language_pair"));
        assertNull(links.get(0).getAs("gold_sure"));
        assertNull(links.get(0).getAs("gold_possible"));
    }
}
