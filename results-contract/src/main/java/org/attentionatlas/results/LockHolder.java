package org.attentionatlas.results;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/** Who holds a results folder's {@code _lock}: the writer's pid, host and start time, and a token unique to it. */
public record LockHolder(long pid, String host, Instant since, String token) {

    /** This process, now. */
    public static LockHolder current() {
        return new LockHolder(ProcessHandle.current().pid(), localHost(), Instant.now(), UUID.randomUUID().toString());
    }

    /** The lock file's text. */
    public String text() {
        return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\ntoken=" + token + "\n";
    }

    /** A lock file's text read back; null when it is not a complete lock (e.g. a writer died while writing it). */
    public static LockHolder parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new LockHolder(Long.parseLong(p.getProperty("pid")), p.getProperty("host"),
                    Instant.parse(p.getProperty("since")), p.getProperty("token"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the holder is certainly gone: it ran on this host and no process with its pid has lived since it took
     * the lock (a pid reused by a later process does not count as alive). A holder on another host is never gone.
     */
    public boolean isDeadOnThisHost() {
        if (!host.equals(localHost())) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(started -> started.isAfter(since)).orElse(false))
                .orElse(true);
    }

    /** "pid 123 on host h since 2026-12-01T04:30:00Z". */
    public String describe() {
        return "pid " + pid + " on host " + host + " since " + since;
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
