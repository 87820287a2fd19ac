package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.DatasetSummary;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.LfadsH5Writer;
import org.latentlab.core.data.Session;
import org.latentlab.core.synth.SynthKinds;
import org.latentlab.core.synth.SyntheticGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab synth KIND --out F.h5}: a synthetic dataset with ground truth, deterministic from a seed. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic dataset with ground truth (rates, latents, inputs).",
            "KIND: lorenz, chaotic-rnn, chaotic-rnn-inputs, two-area, two-area-nofeedback, two-area-negfeedback.",
            "Every generator option can be set with --set name=value; --show-options lists them."})
final class SynthCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "Which system to simulate.")
    String kind;

    @Option(names = "--out", paramLabel = "F.h5", description = "Output file (LFADS-style HDF5).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time", paramLabel = "T", description = "Bins per trial (lorenz, chaotic-rnn kinds).")
    Integer time;

    @Option(names = "--trials", paramLabel = "N", description = "Number of trials in all.")
    Integer trials;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a generator option (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--show-options", description = "Print the generator's options and their values, then exit.")
    boolean showOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> options = new LinkedHashMap<>(set);
        if (time != null) {
            options.put("time", time.toString());
        }
        if (trials != null) {
            options.put("trials", trials.toString());
        }
        SyntheticGenerator g = SynthKinds.get(kind, options);
        PrintWriter o = spec.commandLine().getOut();
        if (showOptions) {
            o.println(g.kind() + " options:");
            g.options().forEach((k, v) -> o.println(String.format("  %-16s %s", k, v)));
            return 0;
        }
        if (out == null) {
            throw new DataException("synth needs --out F.h5");
        }
        Session s = g.generate(seed, LfadsH5Reader.stem(out));
        LfadsH5Writer.write(s, out);
        for (String line : DatasetSummary.of(out.toString(), s).lines()) {
            if (!line.startsWith("    synth.params")) {
                o.println(line);
            }
        }
        return 0;
    }

    static List<String> kinds() {
        return SynthKinds.names();
    }
}
