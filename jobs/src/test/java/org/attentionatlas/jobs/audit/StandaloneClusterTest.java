package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.datasets.CorpusDocument;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.jobs.cli.AtlasCommand;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.ChildJvm;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.jobs.testing.StandaloneCluster;
import org.attentionatlas.results.AuditTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real distributed run: a standalone Master and two Workers on 127.0.0.1, the audit submitted with
 * {@code --master spark://…} from a separate driver JVM; its results equal a local-mode run's.
 */
class StandaloneClusterTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void auditOnAStandaloneClusterEqualsLocalMode() throws Exception {
        List<CorpusDocument> docs = new ArrayList<>();
        List<CorpusDocument> all = BundledCorpus.documents();
        for (int i = 0; i < all.size(); i += 8) {
            CorpusDocument d = all.get(i);
            docs.add(d.id().startsWith("long") ? new CorpusDocument(d.id(), d.lang(), d.text().substring(0, 2000)) : d);
        }
        Path input = dir.resolve("corpus.jsonl");
        AuditStatisticsTest.writeJsonl(input, docs);
        String[] flags = {"--id-field", "id", "--lang-field", "lang", "--dataset", "cluster", "--max-length", "128",
                "--split-chars", "500"};

        Path clusterOut = dir.resolve("cluster-out");
        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2, Duration.ofSeconds(90))) {
            List<String> args = new ArrayList<>(List.of("--model", "minilm-l6", "--input", input.toString(),
                    "--output", clusterOut.toString(), "--master", cluster.masterUrl(), "--partitions", "4"));
            args.addAll(List.of(flags));
            Path log = dir.resolve("driver.log");
            Process driver = ChildJvm.builder(AtlasCommand.class.getName(), ChildJvm.command("audit", args), log).start();
            try {
                boolean ended = driver.waitFor(6, TimeUnit.MINUTES);
                assertTrue(ended, "the cluster audit did not finish in 6 minutes:\n" + tail(log));
                assertEquals(0, driver.exitValue(), "cluster audit failed:\n" + tail(log));
            } finally {
                driver.destroyForcibly();
            }
            String driverLog = Files.readString(log);
            assertTrue(driverLog.contains("audit run ") && driverLog.contains("committed"), tail(log));
            assertTrue(countExecutors(dir.resolve("cluster")) >= 2, "the job ran on both workers' executors");
        }

        Path localOut = dir.resolve("local-out");
        Audits.run(input, localOut, flags);
        Map<String, Row> local = Audits.headStats(localOut);
        Map<String, Row> cluster = Audits.headStats(clusterOut);
        assertEquals(local.keySet(), cluster.keySet());
        for (Map.Entry<String, Row> e : local.entrySet()) {
            Row c = cluster.get(e.getKey());
            assertEquals(e.getValue().<Long>getAs("tokens"), c.<Long>getAs("tokens"));
            assertEquals(e.getValue().<Long>getAs("documents"), c.<Long>getAs("documents"));
            for (HeadStat s : HeadStat.values()) {
                double v = e.getValue().<Double>getAs(s.column());
                assertEquals(v, c.<Double>getAs(s.column()), 1e-6 * Math.max(1, Math.abs(v)), s.column() + " " + e.getKey());
            }
        }
        assertEquals(docs.size(), new ResultStore(SharedSpark.get(), clusterOut.toString()).table(AuditTables.DOCUMENTS).count());
    }

    /** Executor folders the workers created (work-dir/app-…/N). */
    private static long countExecutors(Path clusterDir) throws Exception {
        long n = 0;
        for (int i = 0; i < 2; i++) {
            Path work = clusterDir.resolve("worker" + i);
            try (var apps = Files.list(work)) {
                for (Path app : apps.toList()) {
                    try (var execs = Files.list(app)) {
                        n += execs.count() > 0 ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    private static String tail(Path log) throws Exception {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
