package org.attentionatlas.jobs.audit;

import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.SparkUiOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code audit}: the corpus audit ({@link AuditJob}) with settings from conf/audit.properties, --conf and flags. */
@Command(name = "audit", mixinStandardHelpOptions = true, defaultValueProvider = AuditDefaults.class,
        description = "Per-head attention statistics of a corpus, as Parquet tables (a Spark job).")
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    private AuditOptions options;

    @Mixin
    private SparkUiOption ui;

    /** The settings the command line {@code args} give, as {@code audit} would run them. */
    public static AuditConfig config(String... args) {
        AuditCommand command = new AuditCommand();
        new CommandLine(command).parseArgs(args);
        return command.options.config();
    }

    @Override
    public Integer call() {
        AuditConfig config = options.config();
        JobMain.run("audit", config.master(), ui.enabled(), spark -> new AuditJob(spark, config, System.out).run().describe());
        return 0;
    }
}
