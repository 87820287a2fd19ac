package org.latentlab.app;

import java.io.PrintWriter;
import org.latentlab.cli.LatentLabCommand;

/** Entry point of the {@code latentlab} command: parses the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = LatentLabCommand.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }
}
