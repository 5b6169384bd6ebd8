package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.datasets.CorpusDocument;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AuditTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rerun over a grown corpus processes only the new documents, and head_stats equal those of one full run. */
class IncrementalAuditTest {

    @TempDir
    Path dir;

    @Test
    void rerunOverAGrownCorpusEqualsAFullRun() throws Exception {
        List<CorpusDocument> all = BundledCorpus.documents();
        List<CorpusDocument> first = new ArrayList<>();
        List<CorpusDocument> grown = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 4) { // every 4th document, about 80, the long text included
            CorpusDocument d = all.get(i);
            CorpusDocument doc = d.id().startsWith("long") ? new CorpusDocument(d.id(), d.lang(), d.text().substring(0, 3000)) : d;
            grown.add(doc);
            if (i % 8 == 0) {
                first.add(doc);
            }
        }
        Path small = dir.resolve("first.jsonl");
        Path large = dir.resolve("grown.jsonl");
        AuditStatisticsTest.writeJsonl(small, first);
        AuditStatisticsTest.writeJsonl(large, grown);
        String[] flags = {"--id-field", "id", "--lang-field", "lang", "--dataset", "corpus", "--max-length", "128"};

        Path full = dir.resolve("full");
        RunSummary fullRun = Audits.run(large, full, flags);
        assertEquals(grown.size(), fullRun.documentsNew());

        Path incremental = dir.resolve("incremental");
        Audits.run(small, incremental, flags);
        RunSummary rerun = Audits.run(large, incremental, flags);
        assertEquals(grown.size() - first.size(), rerun.documentsNew());
        assertEquals(first.size(), rerun.documentsSkipped());
        RunSummary nothingNew = Audits.run(large, incremental, flags);
        assertEquals(0, nothingNew.documentsNew());
        assertEquals(grown.size(), nothingNew.documentsSkipped());

        Audits.assertSameHeadStats(full, incremental);

        List<Row> docs = new ResultStore(SharedSpark.get(), incremental.toString()).table(AuditTables.DOCUMENTS).collectAsList();
        Set<String> hashes = new HashSet<>();
        docs.forEach(r -> assertTrue(hashes.add(r.getAs("content_hash")), "duplicate document " + r.getAs("doc_id")));
        assertEquals(grown.size(), hashes.size());

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SqlCommand.run(SharedSpark.get(), incremental.toString(),
                "SELECT count(*) AS runs, sum(documents_new) AS new_documents FROM runs", new PrintStream(csv, true, StandardCharsets.UTF_8));
        assertEquals("runs,new_documents\n3," + grown.size() + "\n", csv.toString(StandardCharsets.UTF_8));
    }
}
