package org.attentionatlas.jobs.common;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.attentionatlas.results.Partitioning;
import org.attentionatlas.results.ResultTable;
import org.attentionatlas.results.ResultsLayout;
import org.attentionatlas.results.ResultsLock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The commit protocol of {@link ResultsLayout} on a Hadoop file system, shared by the audit and the bias job: a run
 * writes {@code _staging/R/TABLE}, {@link #commit} renames each staged table to {@code TABLE/run_id=R}, then creates
 * the marker {@code _commits/R} (a hidden file, then renamed: atomic) — the one step that publishes the run, its
 * head_stats partition included. Only partitions of runs with a marker are read ({@link #visiblePartitions}). The
 * writer holds the folder's {@link #lock()} while it writes and while {@link #removeStaging}/{@link
 * #removeUncommitted} clean what a crashed run left.
 */
public final class CommitProtocol {

    private final FileSystem fs;
    private final Path root;

    public CommitProtocol(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Takes the folder's writer lock ({@link ResultsLock}): java.nio on a local folder, Hadoop's atomic create
     * elsewhere. A {@link org.attentionatlas.results.ResultsInUseException} when another live writer holds it.
     */
    public ResultsLock lock() {
        if ("file".equals(root.toUri().getScheme())) {
            return ResultsLock.acquire(Paths.get(root.toUri()));
        }
        return ResultsLock.acquire(root.toString(), new HadoopLockFiles(fs, root));
    }

    /** Run ids with a commit marker, oldest first. */
    public TreeSet<String> committedRuns() {
        Path commits = path(ResultsLayout.COMMITS);
        try {
            List<String> names = new ArrayList<>();
            if (fs.exists(commits)) {
                for (FileStatus f : fs.listStatus(commits)) {
                    names.add(f.getPath().getName());
                }
            }
            return ResultsLayout.committedRuns(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + commits + ": " + e.getMessage(), e);
        }
    }

    /** Where run {@code runId} writes {@code table} before it commits. */
    public Path staging(String runId, ResultTable table) {
        return path(ResultsLayout.staged(runId, table));
    }

    /** Whether run {@code runId} staged {@code table}. */
    public boolean isStaged(String runId, ResultTable table) {
        return exists(staging(runId, table));
    }

    /** The partition folders of {@code table} readers see: committed runs, the latest only for a cumulative table. */
    public List<Path> visiblePartitions(ResultTable table) {
        return ResultsLayout.visibleRuns(table, committedRuns(), run -> exists(partition(table, run))).stream()
                .map(run -> partition(table, run)).toList();
    }

    /** Deletes every run's staging directory (only while holding the lock); returns the deleted paths. */
    public List<String> removeStaging() {
        List<String> removed = new ArrayList<>();
        try {
            Path staging = path(ResultsLayout.STAGING);
            if (fs.exists(staging)) {
                for (FileStatus f : fs.listStatus(staging)) {
                    fs.delete(f.getPath(), true);
                    removed.add(f.getPath().toString());
                }
            }
        } catch (IOException e) {
            throw cannotClean(e);
        }
        return removed;
    }

    /**
     * Deletes the partitions of {@code tables} whose run is not in {@code committed} (only while holding the lock),
     * and those a later committed partition of a {@link Partitioning#LATEST_RUN} table supersedes.
     */
    public List<String> removeUncommitted(Collection<ResultTable> tables, Set<String> committed) {
        List<String> removed = new ArrayList<>();
        try {
            for (ResultTable table : tables) {
                Path t = path(table.name());
                if (!fs.exists(t)) {
                    continue;
                }
                List<String> visible = ResultsLayout.visibleRuns(table, new TreeSet<>(committed),
                        run -> exists(partition(table, run)));
                for (FileStatus f : fs.listStatus(t)) {
                    String run = ResultsLayout.runOfPartition(f.getPath().getName()).orElse(null);
                    boolean superseded = table.partitioning() == Partitioning.LATEST_RUN && !visible.contains(run);
                    if (run != null && (!committed.contains(run) || superseded)) {
                        fs.delete(f.getPath(), true);
                        removed.add(f.getPath().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw cannotClean(e);
        }
        return removed;
    }

    /**
     * Makes the staged {@code tables} of a run visible: renames them into place, then writes the commit marker; then
     * removes the run's staging and the partitions its own supersede.
     */
    public void commit(String runId, Collection<ResultTable> tables) {
        try {
            for (ResultTable table : tables) {
                Path from = staging(runId, table);
                if (!fs.exists(from)) {
                    continue;
                }
                Path to = partition(table, runId);
                fs.mkdirs(to.getParent());
                if (fs.exists(to)) {
                    fs.delete(to, true);
                }
                if (!fs.rename(from, to)) {
                    throw new IOException("rename " + from + " -> " + to + " failed");
                }
            }
            HaltPoints.reach(HaltPoints.AFTER_RENAMES);
            Path draft = path(ResultsLayout.commitMarkerDraft(runId));
            fs.mkdirs(draft.getParent());
            try (FSDataOutputStream out = fs.create(draft, true)) {
                out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(draft, path(ResultsLayout.commitMarker(runId)))) {
                throw new IOException("cannot create commit marker for run " + runId);
            }
            HaltPoints.reach(HaltPoints.AFTER_MARKER);
            fs.delete(path(ResultsLayout.stagingDir(runId)), true);
            removeUncommitted(tables, committedRuns());
        } catch (IOException e) {
            throw new UncheckedIOException("commit of run " + runId + " into " + root + " failed: " + e.getMessage(), e);
        }
    }

    private Path partition(ResultTable table, String runId) {
        return path(ResultsLayout.partition(table, runId));
    }

    private Path path(String relative) {
        return new Path(root, relative);
    }

    private boolean exists(Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private UncheckedIOException cannotClean(IOException e) {
        return new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
    }
}
