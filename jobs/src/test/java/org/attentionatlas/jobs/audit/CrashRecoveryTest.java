package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.jobs.bench.AuditBenchmark;
import org.attentionatlas.jobs.cli.AtlasCommand;
import org.attentionatlas.jobs.common.HaltPoints;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.ChildJvm;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.LockHolder;
import org.attentionatlas.results.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 of an audit in the middle of processing and inside the commit window, then a rerun: every document is
 * committed exactly once, head_stats equal a clean run's and the crashed run's staging is gone. And the writer lock
 * with real processes: a second audit into a folder in use fails at once naming the holder; a dead holder's lock is
 * taken over.
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
        Process child = ChildJvm.builder(AtlasCommand.class.getName(), ChildJvm.command("audit", args), log).start();
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
        assertTrue(Files.exists(out.resolve(ResultsLayout.LOCK)), "a killed writer leaves its lock behind");
        assertTrue(store.committedRuns().isEmpty(), "the killed run must not be committed");
        assertEquals(0, store.table(AuditTables.DOCUMENTS).count(), "readers see nothing of the killed run");
        boolean leftStaging = Files.isDirectory(out.resolve(ResultsLayout.STAGING));
        System.out.println("killed run left staging behind: " + leftStaging);

        RunSummary rerun = Audits.run(input, out, "--id-field", "id", "--lang-field", "lang");
        assertEquals(documents, rerun.documentsNew());
        assertFalse(Files.exists(out.resolve(ResultsLayout.LOCK)), "the dead writer's lock was taken over, then released");
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

    @ParameterizedTest
    @ValueSource(strings = {HaltPoints.AFTER_RENAMES, HaltPoints.AFTER_MARKER})
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killInTheCommitWindowThenRerunLosesAndDuplicatesNothing(String point) throws Exception {
        Path input = smallCorpus();
        Path out = dir.resolve("out");
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = ChildJvm.builder(AtlasCommand.class.getName(), ChildJvm.command("audit", auditArgs(input, out)), log);
        pb.command().add(1, "-D" + HaltPoints.PROPERTY + "=" + point);
        Process child = pb.start();
        try {
            assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child audit did not halt");
            assertEquals(137, child.exitValue(), "halted at " + point + ":\n" + Files.readString(log));
        } finally {
            child.destroyForcibly();
        }
        ResultStore store = new ResultStore(SharedSpark.get(), out.toString());
        boolean committed = point.equals(HaltPoints.AFTER_MARKER);
        assertEquals(committed ? 1 : 0, store.committedRuns().size());
        assertEquals(committed ? SMALL : 0, store.table(AuditTables.DOCUMENTS).count());
        assertEquals(committed, store.table(AuditTables.HEAD_STATS).count() > 0, "head_stats come with the marker");

        RunSummary rerun = Audits.run(input, out, "--id-field", "id", "--lang-field", "lang");
        assertEquals(committed ? 0 : SMALL, rerun.documentsNew());
        assertEquals(SMALL, store.table(AuditTables.DOCUMENTS).select("content_hash").distinct().count());
        assertEquals(SMALL, store.table(AuditTables.DOCUMENTS).count(), "every document exactly once");
        Path clean = dir.resolve("clean");
        Audits.run(input, clean, "--id-field", "id", "--lang-field", "lang");
        Audits.assertSameHeadStats(clean, out);
        assertFalse(Files.exists(out.resolve(ResultsLayout.STAGING).resolve(rerun.runId())));
        try (var partitions = Files.list(out.resolve(AuditTables.HEAD_STATS.name()))) {
            assertEquals(1, partitions.count(), "superseded head_stats partitions are pruned");
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aSecondWriterFailsAtOnceNamingTheFolderAndTheHolder() throws Exception {
        Path input = dir.resolve("corpus.jsonl");
        AuditBenchmark.writeCorpus(input, 1);
        Path out = dir.resolve("out");
        Process first = ChildJvm.builder(AtlasCommand.class.getName(), ChildJvm.command("audit", auditArgs(input, out)), dir.resolve("first.log"))
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(out.resolve(ResultsLayout.LOCK))) {
                assertTrue(first.isAlive() && System.nanoTime() < deadline,
                        "the first audit never took the lock:\n" + Files.readString(dir.resolve("first.log")));
                Thread.sleep(100);
            }
            Path secondLog = dir.resolve("second.log");
            Process second = ChildJvm.builder(AtlasCommand.class.getName(), ChildJvm.command("audit", auditArgs(input, out)), secondLog).start();
            assertTrue(second.waitFor(3, TimeUnit.MINUTES));
            String said = Files.readString(secondLog);
            assertEquals(2, second.exitValue(), said);
            assertTrue(said.contains("error: results folder " + out + " is in use by pid " + first.pid() + " on host "),
                    said);
            assertFalse(said.contains("audit run "), "the second writer started no work:\n" + said);
            assertTrue(first.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        } finally {
            first.destroyForcibly();
        }
        assertFalse(Files.exists(out.resolve(ResultsLayout.LOCK)), "released on exit");
        ResultStore store = new ResultStore(SharedSpark.get(), out.toString());
        assertEquals(1, store.committedRuns().size());
        assertEquals(BundledCorpus.documents().size(), store.table(AuditTables.DOCUMENTS).count());
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(1, TimeUnit.MINUTES));
        LockHolder dead = new LockHolder(gone.pid(), java.net.InetAddress.getLocalHost().getHostName(),
                java.time.Instant.now(), "dead");
        Files.writeString(out.resolve(ResultsLayout.LOCK), dead.text());
        RunSummary s = Audits.run(smallCorpus(), out, "--id-field", "id", "--lang-field", "lang");
        assertEquals(SMALL, s.documentsNew());
        assertFalse(Files.exists(out.resolve(ResultsLayout.LOCK)));
    }

    private static final int SMALL = 24;

    /** The first {@link #SMALL} documents of the bundled corpus as JSONL. */
    private Path smallCorpus() throws Exception {
        Path input = dir.resolve("small.jsonl");
        AuditStatisticsTest.writeJsonl(input, BundledCorpus.documents().subList(0, SMALL));
        return input;
    }

    private static List<String> auditArgs(Path input, Path out) {
        return List.of("--model", "minilm-l6", "--input", input.toString(), "--output", out.toString(),
                "--id-field", "id", "--lang-field", "lang", "--master", "local[1]", "--progress-interval-ms", "0");
    }
}
