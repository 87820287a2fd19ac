package org.latentlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.latentlab.core.Progress;

/**
 * Where ViewModels run work: heavy work on {@code background}, results on {@code ui}. The workbench passes a
 * daemon pool and {@link Platform#runLater}; tests pass direct executors, so ViewModels run synchronously
 * and need no FX toolkit (a {@code javafx.concurrent.Task} would: it posts its state changes with
 * {@code Platform.runLater}).
 */
public record UiExecutors(Executor background, Executor ui) {

    /** Two daemon workers (reading and computing) and the FX application thread. */
    public static UiExecutors fx() {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "workbench-worker");
            t.setDaemon(true);
            return t;
        });
        return new UiExecutors(pool, Platform::runLater);
    }

    /** Everything on the calling thread: for ViewModel tests. */
    public static UiExecutors direct() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    /** Runs {@code work} in the background, then hands its result or its failure to the UI thread. */
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable t) {
                ui.execute(() -> onError.accept(t));
                return;
            }
            ui.execute(() -> onDone.accept(result));
        });
    }

    /**
     * A {@link Progress} that reports to {@code sink} on the UI thread, coalescing updates: at most one is
     * queued at a time, so a core loop that reports thousands of times cannot flood the FX event queue.
     */
    public Progress progressTo(Consumer<Update> sink) {
        AtomicReference<Update> pending = new AtomicReference<>();
        return (done, total, what) -> {
            if (pending.getAndSet(new Update(done, total, what)) == null) {
                ui.execute(() -> sink.accept(pending.getAndSet(null)));
            }
        };
    }

    /** One progress report. */
    public record Update(long done, long total, String what) {
        public double fraction() {
            return total > 0 ? Math.min(1.0, (double) done / total) : -1;
        }
    }
}
