package org.attentionatlas.jobs.audit;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.datasets.CorpusDocument;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.HeadSums;
import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.engine.stats.Windows;
import org.attentionatlas.engine.testing.ReferenceHeadStats;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.HeadRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** head_stats written by the Spark job equal statistics recomputed in plain Java from raw attention patterns. */
class AuditStatisticsTest {

    static final int MAX_LENGTH = 64;
    static final int STRIDE = 20;

    @TempDir
    Path dir;

    @Test
    void headStatsEqualAnIndependentRecomputation() throws Exception {
        List<CorpusDocument> docs = sample();
        Path input = dir.resolve("sample.jsonl");
        writeJsonl(input, docs);
        Path out = dir.resolve("out");
        RunSummary s = Audits.run(input, out, "--id-field", "id", "--lang-field", "lang", "--dataset", "sample",
                "--max-length", Integer.toString(MAX_LENGTH), "--stride", Integer.toString(STRIDE),
                "--batch-tokens", "512", "--split-chars", "600", "--sample-size", "2");
        assertEquals(docs.size(), s.documentsNew());

        Map<String, ReferenceHeadStats> expected = new TreeMap<>();
        Map<String, int[]> tokensAndWindows = new LinkedHashMap<>();
        Map<String, List<ReferenceHeadStats>> perDocument = new TreeMap<>();
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            for (CorpusDocument d : docs) {
                Encoding e = model.tokenizer().encode(d.text());
                List<Encoding> windows = Windows.split(e, MAX_LENGTH, STRIDE);
                tokensAndWindows.put(d.id(), new int[] {e.length(), windows.size()});
                ReferenceHeadStats ref = expected.computeIfAbsent(d.lang(),
                        l -> new ReferenceHeadStats(model.config().layers(), model.config().heads()));
                windows.forEach(w -> ref.add(model, w));
                ReferenceHeadStats doc = new ReferenceHeadStats(model.config().layers(), model.config().heads());
                windows.forEach(w -> doc.add(model, w));
                perDocument.computeIfAbsent(d.lang(), l -> new ArrayList<>()).add(doc);
            }
        }
        assertTrue(tokensAndWindows.get("long-0001")[1] > 5, "the long text must span several windows");

        java.util.Collection<Row> stats = Audits.headStats(out).values();
        ReferenceHeadStats any = expected.values().iterator().next();
        assertEquals(expected.size() * any.layers() * any.heads(), stats.size());
        for (Row r : stats) {
            ReferenceHeadStats ref = expected.get(r.<String>getAs("language"));
            assertEquals(s.runId(), r.getAs("run_id"), "head_stats are the run's own partition");
            int l = r.<Integer>getAs("layer");
            int h = r.<Integer>getAs("head");
            assertEquals("sample", r.getAs("dataset"));
            assertEquals(ref.queries(), r.<Long>getAs("tokens").longValue(), "query positions of " + r.getAs("language"));
            for (HeadStat st : HeadStat.values()) {
                assertEquals(ref.mean(st, l, h), r.<Double>getAs(st.column()), 1e-5,
                        st.column() + " of layer " + l + " head " + h + " (" + r.getAs("language") + ")");
            }
            List<ReferenceHeadStats> docsOfLanguage = perDocument.get(r.<String>getAs("language"));
            assertEquals(docsOfLanguage.size(), r.<Long>getAs("documents").longValue());
            for (HeadStat st : HeadStat.values()) {
                assertEquals(documentLevelError(docsOfLanguage, st, l, h), r.<Double>getAs(AuditTables.seColumn(st)),
                        1e-5, st.column() + "_se of layer " + l + " head " + h + " (" + r.getAs("language") + ")");
            }
            double[] hist = Audits.doubles(r, "offset_hist");
            assertEquals(OffsetBuckets.count(), hist.length);
            for (int b = 0; b < hist.length; b++) {
                assertEquals(ref.offsetMean(l, h, b), hist[b], 1e-5, "offset bucket " + OffsetBuckets.label(b));
            }
            assertEquals(HeadRoles.role(r.getAs("entropy_mean"), r.getAs("prev_mass"), r.getAs("next_mass"),
                    r.getAs("self_mass"), r.getAs("cls_mass"), r.getAs("sep_mass")), r.getAs("role"));
        }

        List<Row> documents = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.DOCUMENTS).collectAsList();
        assertEquals(docs.size(), documents.size());
        for (Row d : documents) {
            int[] tw = tokensAndWindows.get(d.<String>getAs("doc_id"));
            assertEquals(tw[0], d.<Integer>getAs("tokens"), "tokens of " + d.getAs("doc_id"));
            assertEquals(tw[1], d.<Integer>getAs("windows"), "windows of " + d.getAs("doc_id"));
            assertEquals("minilm-l6", d.getAs("model"));
            assertEquals(s.runId(), d.getAs("run_id"));
        }
        List<Row> samples = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.SAMPLES).collectAsList();
        assertEquals(2 * any.layers() * any.heads(), samples.size(), "2 sampled documents × layers × heads");
    }

    /** The ratio estimator's standard error with each document (all its windows) as one unit. */
    static Double documentLevelError(List<ReferenceHeadStats> documents, HeadStat st, int l, int h) {
        double sum = 0;
        double n = 0;
        double squares = 0;
        double timesTokens = 0;
        double nSquared = 0;
        for (ReferenceHeadStats d : documents) {
            double y = d.mean(st, l, h) * d.queries();
            sum += y;
            n += d.queries();
            squares += y * y;
            timesTokens += y * d.queries();
            nSquared += (double) d.queries() * d.queries();
        }
        if (documents.size() < 2) {
            return null;
        }
        return HeadSums.standardError(sum, n, squares, timesTokens, nSquared, documents.size());
    }

    /** A dozen short documents in three languages and the first part of the long narrative. */
    static List<CorpusDocument> sample() {
        List<CorpusDocument> out = new ArrayList<>();
        for (CorpusDocument d : BundledCorpus.documents()) {
            boolean pick = d.id().equals("pron-0001") || d.id().equals("pron-0042") || d.id().equals("occ-0003")
                    || d.id().startsWith("ml-fr-00") && d.id().compareTo("ml-fr-004") < 0
                    || d.id().startsWith("ml-zh-00") && d.id().compareTo("ml-zh-003") < 0;
            if (pick) {
                out.add(d);
            } else if (d.id().equals("long-0001")) {
                out.add(new CorpusDocument(d.id(), d.lang(), d.text().substring(0, 1500)));
            }
        }
        return out;
    }

    static void writeJsonl(Path file, List<CorpusDocument> docs) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (CorpusDocument d : docs) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("lang", d.lang());
            row.put("text", d.text());
            sb.append(json.writeValueAsString(row)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
