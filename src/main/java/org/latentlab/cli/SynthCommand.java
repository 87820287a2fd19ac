package org.latentlab.cli;
import picocli.CommandLine.Command;
@Command(name = "synth") final class SynthCommand implements Runnable { public void run() { } }
