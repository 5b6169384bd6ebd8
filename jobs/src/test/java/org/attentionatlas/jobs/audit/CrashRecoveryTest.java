package org.attentionatlas.jobs.audit;

import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.SparkTables;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.ResultsLayout;
import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.jobs.bench.AuditBenchmark;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.ChildJvm;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 of an audit in the middle of processing, then a rerun: every document is committed exactly once and the
 * crashed run's staging is gone.
 */
class CrashRecoveryTest {

    private static final Pattern PROGRESS = Pattern.compile("audit progress: (\\d+)/(\\d+) documents");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killNineMidRunThenRerunLosesAndDuplicatesNothing() throws Exception {
        Path input = dir.resolve("corpus.jsonl");
        AuditBenchmark.writeCorpus(input, 2);
        int documents = 2 * BundledCorpus.documents().size();
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        List<String> args = List.of("--model", "minilm-l6", "--input", input.toString(), "--output", out.toString(),
                "--id-field", "id", "--lang-field", "lang", "--master", "local[1]", "--partitions", "30",
                "--progress-interval-ms", "0");
        Process child = ChildJvm.builder(AuditJob.class.getName(), args, log).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (true) {
                if (!child.isAlive()) {
                    fail("the audit ended (exit " + child.exitValue() + ") before it could be killed:\n" + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("no progress from the child audit within 5 minutes:\n" + Files.readString(log));
                }
                Matcher m = PROGRESS.matcher(Files.readString(log));
                long done = 0;
                while (m.find()) {
                    done = Long.parseLong(m.group(1));
                }
                if (done > 0) {
                    assertTrue(done < documents, "killed too late: " + done + " of " + documents);
                    break;
                }
                Thread.sleep(200);
            }
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "exit status of a SIGKILLed JVM");
        } finally {
            child.destroyForcibly();
        }
        ResultStore store = new ResultStore(SharedSpark.get(), out.toString());
        assertTrue(store.committedRuns().isEmpty(), "the killed run must not be committed");
        assertEquals(0, store.table(AuditTables.DOCUMENTS).count(), "readers see nothing of the killed run");
        boolean leftStaging = Files.isDirectory(out.resolve(ResultsLayout.STAGING));
        System.out.println("killed run left staging behind: " + leftStaging);

        RunSummary rerun = Audits.run(input, out, "--id-field", "id", "--lang-field", "lang");
        assertEquals(documents, rerun.documentsNew());
        List<Row> docs = store.table(AuditTables.DOCUMENTS).collectAsList();
        Set<String> hashes = new HashSet<>();
        docs.forEach(r -> assertTrue(hashes.add(r.getAs("content_hash")), "duplicate " + r.getAs("doc_id")));
        assertEquals(documents, hashes.size(), "no lost document");
        long counted = store.table(AuditTables.HEAD_SUMS).filter("layer = 0 AND head = 0")
                .agg(org.apache.spark.sql.functions.sum("documents")).first().getLong(0);
        assertEquals(documents, counted, "head_sums count every document once");
        if (Files.isDirectory(out.resolve(ResultsLayout.STAGING))) {
            try (var staging = Files.list(out.resolve(ResultsLayout.STAGING))) {
                assertEquals(0, staging.count(), "the crashed run's staging was cleaned");
            }
        }
    }
}
