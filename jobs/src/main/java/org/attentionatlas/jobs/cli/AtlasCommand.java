package org.attentionatlas.jobs.cli;

import org.apache.spark.sql.AnalysisException;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.engine.cli.AttributeCommand;
import org.attentionatlas.engine.cli.AttributionBenchmark;
import org.attentionatlas.engine.cli.Cli;
import org.attentionatlas.engine.cli.ContrastCommand;
import org.attentionatlas.engine.cli.FillMaskCommand;
import org.attentionatlas.engine.cli.InspectCommand;
import org.attentionatlas.engine.cli.MemoryBenchmark;
import org.attentionatlas.engine.cli.ThroughputBenchmark;
import org.attentionatlas.jobs.agreement.AgreementCommand;
import org.attentionatlas.jobs.align.AlignCommand;
import org.attentionatlas.jobs.audit.AuditCommand;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.results.ResultsInUseException;
import org.attentionatlas.jobs.common.CodeVersion;
import org.attentionatlas.jobs.bench.AuditBenchmark;
import org.attentionatlas.jobs.bias.BiasCommand;
import org.attentionatlas.jobs.importance.ImportanceCommand;
import org.attentionatlas.jobs.report.ReportCommand;
import org.attentionatlas.jobs.sql.SqlCommand;
import org.attentionatlas.web.ServeCommand;
import org.attentionatlas.web.bench.ServerMemoryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The one entry point of every command ({@code ./submit.sh COMMAND ...}); each command lives in the module that owns
 * it. Without a command it prints the usage.
 */
@Command(name = "atlas", mixinStandardHelpOptions = true, versionProvider = AtlasCommand.Version.class,
        description = "Attention Atlas: what transformer language models attend to, across whole corpora.",
        commandListHeading = "%nCommands:%n",
        subcommands = {InspectCommand.class, FillMaskCommand.class, ContrastCommand.class, AuditCommand.class, BiasCommand.class, AlignCommand.class,
                ImportanceCommand.class, SqlCommand.class, ReportCommand.class, ServeCommand.class, ThroughputBenchmark.class,
                MemoryBenchmark.class, AuditBenchmark.class, ServerMemoryBenchmark.class,
                AttributeCommand.class, AttributionBenchmark.class, AgreementCommand.class})
public final class AtlasCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The runner: the engine's bad-input exceptions plus the corpus readers', the jobs' and Spark SQL's. */
    public static Cli cli() {
        return Cli.engine().and(List.of(InputException.class, JobException.class, ResultsInUseException.class, AnalysisException.class));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return cli().execute(new AtlasCommand(), args, out, err);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@code --version}: the code version the runs tables record. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Attention Atlas " + CodeVersion.current()};
        }
    }
}
