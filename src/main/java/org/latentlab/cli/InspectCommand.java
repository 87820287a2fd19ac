package org.latentlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentlab.core.data.DataFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab inspect FILE [--json]}: a summary of an LFADS-style HDF5 or NWB file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Summarise a dataset: trials, bins, bin size, channels, splits, extra arrays and truth.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "An LFADS-style HDF5 file or an NWB file.")
    Path file;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Object summary = DataFiles.summarize(file);
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(m.writeValueAsString(summary));
        } else {
            for (String line : DataFiles.summaryLines(summary)) {
                spec.commandLine().getOut().println(line);
            }
        }
        return 0;
    }
}
