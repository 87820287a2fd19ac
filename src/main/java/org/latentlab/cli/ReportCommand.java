package org.latentlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DataException;
import org.latentlab.plot.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab report}: one HTML page about a finished run (config, scores, curves, PBT history). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a one-page HTML report of a finished run (train or pbt), plots embedded.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A finished run directory.")
    Path run;

    @Option(names = "--out", paramLabel = "F.html", description = "Where to write it (default: DIR/report.html).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isDirectory(run)) {
            throw DataException.inFile(run, "no such run directory");
        }
        Path target = out != null ? out : run.resolve("report.html");
        RunReport.write(run, target);
        spec.commandLine().getOut().println("wrote " + target);
        return 0;
    }
}
