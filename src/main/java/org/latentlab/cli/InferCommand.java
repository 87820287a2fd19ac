package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.model.lfads.LfadsOutputFile;
import org.latentlab.core.train.LfadsInference;
import org.latentlab.core.train.RunInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab infer}: posterior-averaged rates, factors and inputs of a trained run on a dataset. */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Sample the posteriors of a trained run on a dataset and write lfads-torch's output keys.")
final class InferCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory made by train.")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "F", description = "Dataset with the training data's channels.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "OUT.h5", description = "Output file.")
    Path out;

    @Option(names = "--samples", defaultValue = "50", paramLabel = "S", description = "Posterior samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--session", paramLabel = "NAME",
            description = "For a multi-session run: the session the data belong to (default: the file's stem).")
    String sessionName;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of an NWB import's split.")
    long seed;

    @Mixin
    NwbOptions nwb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new DataException("--samples must be at least 1, got " + samples);
        }
        Session session = nwb.load(data, seed);
        LfadsInference.Outputs o;
        try (ConsoleProgress bar = new ConsoleProgress(spec.commandLine().getErr())) {
            o = RunInference.infer(run, session, sessionName, samples, bar);
        }
        LfadsOutputFile.write(out, session, o.bySplit());
        PrintWriter w = spec.commandLine().getOut();
        EvalCommand.printScores(w, o.scores());
        w.println("wrote " + out);
        return 0;
    }
}
