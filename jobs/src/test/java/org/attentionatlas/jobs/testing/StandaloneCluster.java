package org.attentionatlas.jobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 from the test class path: one Master and two Workers (1 core each) in child
 * JVMs. Workers get a SPARK_HOME whose jars/ links every jar of the test class path plus one jar of the class folders,
 * so executors find Spark, the engine and the project's classes. Free ports are picked; every wait is bounded.
 */
public final class StandaloneCluster implements AutoCloseable {

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int port;
    private final int webPort;

    public StandaloneCluster(Path work, int workers, Duration startTimeout) throws Exception {
        this.home = Files.createDirectories(work.resolve("spark-home"));
        linkClassPath(Files.createDirectories(home.resolve("jars")));
        this.port = freePort();
        this.webPort = freePort();
        String cp = home.resolve("jars") + "/*";
        start(work.resolve("master.log"), cp, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(webPort));
        for (int i = 0; i < workers; i++) {
            Path dir = Files.createDirectories(work.resolve("worker" + i));
            start(work.resolve("worker" + i + ".log"), cp, "org.apache.spark.deploy.worker.Worker", masterUrl(),
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--port", Integer.toString(freePort()),
                    "--webui-port", Integer.toString(freePort()), "--work-dir", dir.toString());
        }
        awaitWorkers(workers, startTimeout);
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    private void start(Path log, String cp, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", cp, main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("DJL_OFFLINE", "true");
        env.put("ATLAS_MODELS_DIR", Path.of(System.getProperty("atlas.models.dir", "models")).toAbsolutePath().toString());
        processes.add(pb.start());
    }

    private void awaitWorkers(int workers, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (last.replace(" ", "").contains("\"aliveworkers\":" + workers)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the standalone cluster did not get " + workers + " workers in " + timeout + ": " + last);
    }

    /** Links every jar of the test class path into jars/ and packs the class folders into one jar. */
    private static void linkClassPath(Path jars) throws IOException {
        int folders = 0;
        for (String entry : ChildJvm.classPath().split(ChildJvm.pathSeparator())) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                packFolder(p, jars.resolve("atlas-classes-" + (folders++) + ".jar"));
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p);
                }
            }
        }
    }

    private static void packFolder(Path folder, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops workers (which stop their executors) and the master; kills whatever is left, descendants included. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
