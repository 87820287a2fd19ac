package org.latentlab.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: LatentLab's own and the engine's. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"LatentLab " + Versions.latentLab(), "Java " + Runtime.version()};
    }
}
