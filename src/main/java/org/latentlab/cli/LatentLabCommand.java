package org.latentlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.latentlab.core.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latentlab} command. Subcommands are thin: they parse, call core and print. Every error a
 * user can fix exits with code 2 and one line on standard error, never a stack trace.
 */
@Command(name = "latentlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Latent dynamical models of neural populations: LFADS, AutoLFADS, iLQR-VAE.",
        subcommands = {DemoCommand.class, SynthCommand.class, InspectCommand.class, ImportCommand.class, TrainCommand.class, PbtCommand.class, InferCommand.class, ReportCommand.class, EvalCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class LatentLabCommand implements Runnable {
    /** Exit code for bad input (a file, key, option or value the user can fix). */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line with the given streams and returns the exit code (used by main and by tests).
     * {@code more} are extra subcommand objects: app adds {@code gui} there, so cli never depends on JavaFX.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Object... more) {
        CommandLine cl = new CommandLine(new LatentLabCommand());
        for (Object sub : more) {
            cl.addSubcommand(sub);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("latentlab: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandName()
                    + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            if (ex instanceof DataException || ex instanceof UncheckedIOException
                    || ex instanceof CommandLine.ParameterException) {
                err.println("latentlab: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            if (ex instanceof org.latentlab.core.train.TrainingDivergedException) {
                err.println("latentlab: " + oneLine(ex.getMessage()));
                return 1;
            }
            if (System.getenv("LATENTLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.println("latentlab: internal error: " + ex + " (set LATENTLAB_DEBUG=1 for the stack trace)");
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String oneLine(String m) {
        if (m == null) {
            return "error";
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
