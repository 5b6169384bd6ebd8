package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.weights.CheckpointException;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Entry point of the engine's commands (no Spark): inspect, fill-mask and the engine benchmarks. */
public final class EngineCli {

    static final String USAGE = String.join("\n",
            "usage:",
            "  inspect   --model NAME_OR_DIR (--text TEXT | --input FILE) --json OUT.json [--device cpu|gpu|auto] [--top N]",
            "  fill-mask --model NAME_OR_DIR --text \"... [MASK] ...\" [--top K] [--json OUT.json]",
            "  bench-engine [--models minilm-l6,bert-base-uncased] [--batch 16] [--length 128] [--seconds 10] [--fp16 true]",
            "  bench-memory [--model minilm-l6] [--passes 10000]",
            "NAME is one of minilm-l6, bge-small-zh, bert-base-uncased, mbert-cased; or pass a checkpoint folder.");

    private EngineCli() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    /** Runs one command; returns the process exit code (0 ok, 1 bad input, 2 bad usage). */
    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = argv.subList(1, argv.size());
        try {
            switch (argv.get(0)) {
                case "inspect" -> InspectCommand.run(rest, out);
                case "fill-mask" -> FillMaskCommand.run(rest, out);
                case "bench-engine" -> ThroughputBenchmark.run(rest, out);
                case "bench-memory" -> MemoryBenchmark.run(rest, out);
                default -> throw new CliArgs.UsageException("unknown command '" + argv.get(0) + "'");
            }
            return 0;
        } catch (CliArgs.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (CheckpointException | IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }
}
