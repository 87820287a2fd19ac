package org.latentlab.cli;
import picocli.CommandLine.Command;
@Command(name = "demo") final class DemoCommand implements Runnable { public void run() { } }
