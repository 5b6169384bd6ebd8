package org.attentionatlas.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A results folder on the local file system, read through {@link ResultsLayout} (for readers without Hadoop). */
public final class LocalResults {

    private final Path root;

    public LocalResults(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Committed run ids, oldest first (none when the folder does not exist). */
    public TreeSet<String> committedRuns() {
        Path commits = root.resolve(ResultsLayout.COMMITS);
        if (!Files.isDirectory(commits)) {
            return new TreeSet<>();
        }
        try (Stream<Path> s = Files.list(commits)) {
            return ResultsLayout.committedRuns(s.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + commits + ": " + e.getMessage(), e);
        }
    }

    /** The partition folders of {@code table} readers see (with Parquet files in them), oldest run first. */
    public List<Path> visiblePartitions(ResultTable table) {
        return ResultsLayout.visibleRuns(table, committedRuns(), run -> hasParquet(partition(table, run))).stream()
                .map(run -> partition(table, run)).toList();
    }

    private Path partition(ResultTable table, String run) {
        return root.resolve(ResultsLayout.partition(table, run));
    }

    private static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
