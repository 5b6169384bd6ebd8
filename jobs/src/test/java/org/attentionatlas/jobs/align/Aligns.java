package org.attentionatlas.jobs.align;

import org.attentionatlas.jobs.testing.SharedSpark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the alignment job in-process for tests of other packages; the summary printout is dropped. */
public final class Aligns {

    private Aligns() {
    }

    /** Runs {@code align} with the given command-line arguments; returns the run id. */
    public static String run(String... args) {
        return new AlignJob(SharedSpark.get(), AlignCommand.config(args),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run().runId();
    }
}
