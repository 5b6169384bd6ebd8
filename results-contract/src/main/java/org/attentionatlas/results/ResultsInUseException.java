package org.attentionatlas.results;

/** A second writer found a results folder locked by a live process: one line naming the folder and the holder. */
public final class ResultsInUseException extends RuntimeException {

    public ResultsInUseException(String folder, LockHolder holder) {
        super("results folder " + folder + " is in use by " + (holder == null
                ? "another writer (its lock file " + ResultsLayout.LOCK + " is incomplete; delete it if no job runs)"
                : holder.describe()));
    }
}
