package org.attentionatlas.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one-writer lock of a results folder: the file {@code _lock} ({@link ResultsLayout#LOCK}) holding the writer's
 * pid, host and start time ({@link LockHolder}), created atomically (it either appears complete or not at all).
 * A second writer fails at once with {@link ResultsInUseException}. A lock whose holder is dead (same host, pid no
 * longer alive) is taken over: renamed away to a name unique to the taker, checked to be the stale lock that was
 * read, then the taker creates its own. Two racing takers cannot both win: only one rename of the stale file
 * succeeds, and a taker that moved a lock that was not the stale one (a racer's fresh lock) puts it back and fails.
 * Released (only if still ours) by {@link #close()} and by a shutdown hook on a normal exit or SIGTERM.
 */
public final class ResultsLock implements AutoCloseable {

    /** Lock-file operations of one file system, on paths relative to the results folder. */
    public interface LockFiles {
        /** Whether the results folder exists; an {@link IllegalArgumentException} when it is not a folder. */
        boolean rootExists() throws IOException;

        /** Creates {@code path} holding {@code text} atomically; false when it already exists. */
        boolean createNew(String path, String text) throws IOException;

        /** The file's text, or null when it does not exist. */
        String read(String path) throws IOException;

        /** Renames {@code from} to {@code to} (a new name); false when {@code from} does not exist. */
        boolean renameAway(String from, String to) throws IOException;

        /** Moves {@code from} back to {@code to} without replacing an existing {@code to}; false when it exists. */
        boolean restore(String from, String to) throws IOException;

        void delete(String path) throws IOException;

        /** Deletes the results folder if it is empty (a writer that created it and wrote nothing). */
        void deleteRootIfEmpty() throws IOException;
    }

    private static final int ATTEMPTS = 5;

    private final LockFiles files;
    private final LockHolder holder;
    private final boolean createdRoot;
    private final Thread releaseOnExit;
    private boolean released;

    private ResultsLock(LockFiles files, LockHolder holder, boolean createdRoot) {
        this.files = files;
        this.holder = holder;
        this.createdRoot = createdRoot;
        this.releaseOnExit = new Thread(this::release, "release " + ResultsLayout.LOCK);
        Runtime.getRuntime().addShutdownHook(releaseOnExit);
    }

    /** Locks a local results folder (created if missing). */
    public static ResultsLock acquire(Path folder) {
        return acquire(folder.toString(), new LocalLockFiles(folder));
    }

    /** Locks the results folder {@code folder} (its name, for messages) through {@code files}. */
    public static ResultsLock acquire(String folder, LockFiles files) {
        LockHolder me = LockHolder.current();
        try {
            boolean createdRoot = !files.rootExists();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (files.createNew(ResultsLayout.LOCK, me.text())) {
                    return new ResultsLock(files, me, createdRoot);
                }
                String text = files.read(ResultsLayout.LOCK);
                if (text == null) {
                    continue; // released meanwhile
                }
                LockHolder other = LockHolder.parse(text);
                if (other == null || !other.isDeadOnThisHost()) {
                    throw new ResultsInUseException(folder, other);
                }
                String away = ResultsLayout.LOCK + ".stale-" + me.token();
                if (!files.renameAway(ResultsLayout.LOCK, away)) {
                    continue; // another taker moved it first
                }
                String moved = files.read(away);
                if (!text.equals(moved)) { // a racer's fresh lock, not the stale one: give it back
                    files.restore(away, ResultsLayout.LOCK);
                    throw new ResultsInUseException(folder, moved == null ? null : LockHolder.parse(moved));
                }
                files.delete(away);
            }
            throw new ResultsInUseException(folder, LockHolder.parse(String.valueOf(files.read(ResultsLayout.LOCK))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock results folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The error for a results folder path that names something other than a folder. */
    public static IllegalArgumentException notAFolder(String folder) {
        return new IllegalArgumentException("results folder " + folder + " is a file, not a folder");
    }

    public LockHolder holder() {
        return holder;
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook releases
        }
    }

    private synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (holder.text().equals(files.read(ResultsLayout.LOCK))) {
                files.delete(ResultsLayout.LOCK);
            }
            if (createdRoot) {
                files.deleteRootIfEmpty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + ResultsLayout.LOCK + ": " + e.getMessage(), e);
        }
    }

    /** java.nio: the lock is written to a unique draft, then hard-linked into place (link(2) never replaces). */
    static final class LocalLockFiles implements LockFiles {
        private final Path root;

        LocalLockFiles(Path root) {
            this.root = root;
        }

        @Override
        public boolean rootExists() {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw notAFolder(root.toString());
            }
            return Files.isDirectory(root);
        }

        @Override
        public boolean createNew(String path, String text) throws IOException {
            Files.createDirectories(root);
            Path draft = Files.createTempFile(root, "." + ResultsLayout.LOCK, ".draft");
            try {
                Files.writeString(draft, text, StandardCharsets.UTF_8);
                Files.createLink(root.resolve(path), draft);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(draft);
            }
        }

        @Override
        public String read(String path) throws IOException {
            try {
                return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        @Override
        public boolean renameAway(String from, String to) throws IOException {
            try {
                Files.move(root.resolve(from), root.resolve(to), StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        }

        @Override
        public boolean restore(String from, String to) throws IOException {
            try {
                Files.createLink(root.resolve(to), root.resolve(from));
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(root.resolve(from));
            }
        }

        @Override
        public void delete(String path) throws IOException {
            Files.deleteIfExists(root.resolve(path));
        }

        @Override
        public void deleteRootIfEmpty() throws IOException {
            try (var s = Files.list(root)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(root);
                }
            }
        }
    }
}
