package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.core.data.CsvWriter;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.DataFiles;
import org.latentlab.core.data.DatasetSummary;
import org.latentlab.core.data.LfadsH5Writer;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.nwb.NwbImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latentlab import FILE.nwb ...}: bins an NWB recording into an LFADS-style HDF5 (or CSV) file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bin an NWB recording into trials and write an LFADS-style HDF5 file (or CSV when --out "
                + "ends in .csv).")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.nwb", description = "The NWB file.")
    Path file;

    @Mixin
    NwbOptions nwb;

    @Option(names = "--out", required = true, paramLabel = "F.h5", description = "Output file (.h5, or .csv).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seeds the split and random held-out units (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (out.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new DataException(out + ": the output would overwrite the input");
        }
        if (!DataFiles.isNwb(file)) {
            throw new DataException(file + ": not an NWB file (no nwb_version attribute and no units table)");
        }
        var options = nwb.toOptions(seed);
        Session s;
        try (ConsoleProgress bar = new ConsoleProgress(spec.commandLine().getErr())) {
            s = NwbImporter.importSession(file, options, bar);
        }
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            CsvWriter.write(s, CsvWriter.Array.RECON, out);
        } else {
            LfadsH5Writer.write(s, out);
        }
        PrintWriter o = spec.commandLine().getOut();
        DatasetSummary.of(out.toString(), s).lines().forEach(o::println);
        return 0;
    }
}
