package org.attentionatlas.jobs.testing;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class in a new JVM with the test class path, the test JVM's flags and the Spark/DJL environment. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The full test class path (surefire passes it in a property; its own java.class.path is a manifest jar). */
    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    public static ProcessBuilder builder(String mainClass, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-javaagent") && !a.startsWith("-agentlib")) {
                cmd.add(a);
            }
        }
        cmd.add("-Datlas.models.dir=" + System.getProperty("atlas.models.dir", "models"));
        cmd.add("-Datlas.spark.ui=false"); // tests run without Spark's web UI
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (log != null) {
            pb.redirectOutput(log.toFile());
        }
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.putIfAbsent("DJL_OFFLINE", "true");
        return pb;
    }

    /** {@code name} followed by {@code args}: one command line of the atlas entry point. */
    public static List<String> command(String name, List<String> args) {
        List<String> out = new ArrayList<>();
        out.add(name);
        out.addAll(args);
        return out;
    }

    public static String pathSeparator() {
        return File.pathSeparator;
    }
}
