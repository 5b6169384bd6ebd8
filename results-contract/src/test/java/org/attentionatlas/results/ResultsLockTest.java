package org.attentionatlas.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer lock: held by a live process it refuses, held by a dead one it is taken over, released on close. */
class ResultsLockTest {

    @TempDir
    Path dir;

    @Test
    void aLiveHolderMakesASecondWriterFailNamingFolderAndHolder() throws Exception {
        Path results = dir.resolve("results");
        try (ResultsLock first = ResultsLock.acquire(results)) {
            String text = Files.readString(results.resolve(ResultsLayout.LOCK));
            assertEquals(first.holder(), LockHolder.parse(text));
            assertEquals(ProcessHandle.current().pid(), first.holder().pid());
            ResultsInUseException e = assertThrows(ResultsInUseException.class, () -> ResultsLock.acquire(results));
            assertEquals("results folder " + results + " is in use by pid " + first.holder().pid() + " on host "
                    + first.holder().host() + " since " + first.holder().since(), e.getMessage());
            assertEquals(text, Files.readString(results.resolve(ResultsLayout.LOCK)), "the holder's lock is untouched");
        }
        assertFalse(Files.exists(results), "a folder the writer created and left empty is removed on release");
    }

    @Test
    void aLockOfADeadProcessIsTakenOverAndReleasedOnClose() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        LockHolder dead = new LockHolder(gone.pid(), LockHolder.localHost(), Instant.now(), "stale-token");
        Files.writeString(dir.resolve(ResultsLayout.LOCK), dead.text());
        assertTrue(dead.isDeadOnThisHost());
        try (ResultsLock lock = ResultsLock.acquire(dir)) {
            assertEquals(lock.holder(), LockHolder.parse(Files.readString(dir.resolve(ResultsLayout.LOCK))));
        }
        assertFalse(Files.exists(dir.resolve(ResultsLayout.LOCK)));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no stale or draft file left behind");
        }
        assertTrue(Files.isDirectory(dir), "a folder that existed before stays");
    }

    @Test
    void aHolderOnAnotherHostIsNeverTakenOver() throws Exception {
        LockHolder remote = new LockHolder(1, "some-other-host", Instant.parse("2026-12-01T00:00:00Z"), "t");
        Files.writeString(dir.resolve(ResultsLayout.LOCK), remote.text());
        ResultsInUseException e = assertThrows(ResultsInUseException.class, () -> ResultsLock.acquire(dir));
        assertEquals("results folder " + dir + " is in use by pid 1 on host some-other-host since 2026-12-01T00:00:00Z",
                e.getMessage());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "not a folder");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsLock.acquire(file));
        assertEquals("results folder " + file + " is a file, not a folder", e.getMessage());
        assertEquals("not a folder", Files.readString(file));
    }
}
