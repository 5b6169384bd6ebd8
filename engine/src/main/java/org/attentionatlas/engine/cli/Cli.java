package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.weights.CheckpointException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a picocli command the project's way: {@code --help} lists every option with its default; a wrong command line
 * or bad input is one {@code error: ...} line and exit code 2, with no stack trace; a mistyped option or command names
 * the closest valid one. Any other exception is a bug: picocli prints its stack trace and exits with 1.
 */
public final class Cli {

    /** Exit code of a wrong command line or bad input (settings, files, models). */
    public static final int BAD_INPUT = 2;

    /** The engine's exceptions that mean bad input rather than a bug. */
    public static final List<Class<? extends Exception>> ENGINE_BAD_INPUT = List.of(CheckpointException.class,
            IllegalArgumentException.class, IllegalStateException.class, IOException.class, UncheckedIOException.class);

    private final List<Class<? extends Exception>> badInput;

    /** A runner for which {@code badInput} (and their subclasses) are bad input. */
    public Cli(List<Class<? extends Exception>> badInput) {
        this.badInput = List.copyOf(badInput);
    }

    /** A runner for the engine's own commands. */
    public static Cli engine() {
        return new Cli(ENGINE_BAD_INPUT);
    }

    /** This runner with {@code more} exceptions counted as bad input. */
    public Cli and(List<Class<? extends Exception>> more) {
        List<Class<? extends Exception>> all = new ArrayList<>(badInput);
        all.addAll(more);
        return new Cli(all);
    }

    /** The command (with its subcommands) wired for this runner. */
    public CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        showDefaults(cl);
        cl.setParameterExceptionHandler(this::wrongCommandLine);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!isBadInput(e)) {
                throw e;
            }
            cmd.getErr().println("error: " + message(e));
            return BAD_INPUT;
        });
        return cl;
    }

    /** Runs {@code command} with {@code args}; returns the exit code. */
    public int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(command);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cl.execute(args);
    }

    private static void showDefaults(CommandLine cl) {
        cl.getCommandSpec().usageMessage().showDefaultValues(true);
        cl.getSubcommands().values().forEach(Cli::showDefaults);
    }

    private int wrongCommandLine(ParameterException thrown, String[] args) {
        CommandLine cmd = thrown.getCommandLine();
        // picocli checks required options before unknown ones; a mistyped required option is the unknown one
        ParameterException e = thrown instanceof CommandLine.MissingParameterException
                && !cmd.getUnmatchedArguments().isEmpty()
                ? new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments()) : thrown;
        String name = cmd.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder("error: ").append(name).append(": ").append(e.getMessage());
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String closest = closest(u.getUnmatched().get(0), cmd.getCommandSpec());
            if (closest != null) {
                line.append("; did you mean ").append(closest).append('?');
            }
        }
        line.append(" (see '").append(name).append(" --help')");
        cmd.getErr().println(line);
        return BAD_INPUT;
    }

    /**
     * The valid option (for an argument that looks like one) or subcommand nearest to {@code typed} by edit
     * distance; null when nothing is within half the typed length. picocli's own suggestions only match a prefix.
     */
    static String closest(String typed, CommandLine.Model.CommandSpec spec) {
        String word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        List<String> names = new ArrayList<>();
        if (word.startsWith("-")) {
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        } else {
            names.addAll(spec.subcommands().keySet());
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = editDistance(word, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, word.replaceFirst("^-+", "").length() / 2) ? best : null;
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private boolean isBadInput(Throwable e) {
        return badInput.stream().anyMatch(c -> c.isInstance(e));
    }

    /** The one line for a bad-input exception: file system errors name the path and the problem. */
    static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException f) {
            return f.getFile() + " does not exist";
        }
        if (t instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
