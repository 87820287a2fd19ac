package org.latentlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.train.RunInference;
import org.latentlab.core.train.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code latentlab eval}: a run's scores per split. Without {@code --data} they are the scores the run
 * recorded at the end of training; with it the run is applied to that dataset and scored there.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores of a run per split: bits per spike, co-bps, fp-bps, rate R2, input recovery, latent R2.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory made by train.")
    Path run;

    @Option(names = "--data", paramLabel = "F", description = "Score on this dataset instead of the training data.")
    Path data;

    @Option(names = "--samples", defaultValue = "50", paramLabel = "S", description = "Posterior samples with --data.")
    int samples;

    @Option(names = "--session", paramLabel = "NAME",
            description = "For a multi-session run: the session the data belong to (default: the file's stem).")
    String sessionName;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of an NWB import's split.")
    long seed;

    @Option(names = "--json", description = {"Print the scores as JSON (split -> score -> value; for a multi-session",
        "run {\"averaged\": ..., \"sessions\": {name: ...}})."})
    boolean json;

    @Mixin
    NwbOptions nwb;

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        Map<String, Map<String, Double>> scores;
        com.fasterxml.jackson.databind.JsonNode sessions = null;
        if (sessionName != null && data == null) {
            throw new DataException("--session applies with --data (without it, eval prints every session's scores)");
        }
        if (data != null) {
            Session session = nwb.load(data, seed);
            try (ConsoleProgress bar = new ConsoleProgress(spec.commandLine().getErr())) {
                scores = RunInference.infer(run, session, sessionName, samples, bar).scores();
            }
        } else {
            RunDirectory dir = new RunDirectory(run);
            if (!java.nio.file.Files.exists(dir.summary())) {
                throw new DataException(run + ": has no summary.json (the run has not finished; give --data to score "
                        + "its latest checkpoint)");
            }
            scores = new ObjectMapper().convertValue(dir.readSummary().get("scores"), Map.class);
            sessions = dir.readSummary().get("sessions");
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json && sessions != null) {
            // A multi-session run: the averaged scores and each session's, by name.
            Map<String, Object> all = new java.util.LinkedHashMap<>();
            all.put("averaged", scores);
            Map<String, Object> each = new java.util.LinkedHashMap<>();
            for (com.fasterxml.jackson.databind.JsonNode s : sessions) {
                each.put(s.get("name").asText(), new ObjectMapper().convertValue(s.get("scores"), Map.class));
            }
            all.put("sessions", each);
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
        } else if (json) {
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(scores));
        } else if (sessions != null) {
            o.println("averaged over the sessions (weighted by their trials):");
            printScores(o, scores);
            for (com.fasterxml.jackson.databind.JsonNode s : sessions) {
                o.println("session " + s.get("name").asText() + ":");
                printScores(o, new ObjectMapper().convertValue(s.get("scores"), Map.class));
            }
        } else {
            printScores(o, scores);
        }
        return 0;
    }

    static void printScores(PrintWriter o, Map<String, ? extends Map<String, ?>> scores) {
        scores.forEach((split, m) -> {
            StringBuilder b = new StringBuilder(String.format("%-6s", split));
            m.forEach((k, v) -> {
                double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
                if (!Double.isNaN(d)) {
                    b.append(String.format("  %s %.4f", k, d));
                }
            });
            o.println(b);
        });
    }
}
