package org.latentlab.cli;

import java.io.PrintWriter;
import org.latentlab.core.Progress;

/**
 * A progress bar on standard error. On a terminal it redraws one line in place. Without a terminal it is
 * silent, so piped output and error messages stay clean, unless {@code LATENTLAB_PROGRESS=lines} asks for
 * a line at each quarter (for batch logs, e.g. on a cluster).
 */
final class ConsoleProgress implements Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean lines;
    private final long startNanos = System.nanoTime();
    private int lastPermille = -1;
    private boolean drawn;

    ConsoleProgress(PrintWriter err) {
        this(err, System.console() != null, "lines".equals(System.getenv("LATENTLAB_PROGRESS")));
    }

    ConsoleProgress(PrintWriter err, boolean terminal, boolean lines) {
        this.err = err;
        this.terminal = terminal;
        this.lines = lines;
    }

    @Override
    public synchronized void update(long done, long total, String what) {
        int permille = (int) Math.min(1000, Math.max(0, done * 1000 / Math.max(1, total)));
        if (terminal) {
            if (permille == lastPermille) {
                return;
            }
            int filled = permille * WIDTH / 1000;
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            String eta = permille > 0 && permille < 1000
                    ? String.format(" eta %ds", Math.round(elapsed * (1000 - permille) / permille)) : "";
            err.print(String.format("\r[%s%s] %3d%% %s%s\u001b[K", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    permille / 10, what, eta));
            err.flush();
            drawn = true;
        } else if (lines && (permille / 250 != lastPermille / 250 || lastPermille < 0)) {
            err.println(String.format("  %3d%% %s", permille / 10, what));
        }
        lastPermille = permille;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
