package org.latentlab.core.pbt;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.TrainingStoppedException;

/**
 * Runs parts of a population's training on worker threads side by side while the calling (training) thread
 * passes their events on, so that listeners still run on the training thread only. A stop the listener asks
 * for, or a part's failure, stops the other parts at their next step; once all have ended the failure is
 * rethrown (a real error before the stops it caused).
 */
public final class SideBySide {
    private SideBySide() {
    }

    /**
     * How many models train side by side: {@code configured} when positive, otherwise one per libtorch thread
     * the run may use on the CPU and one on a GPU (which a single model keeps busy); at most one per member.
     */
    public static int count(int configured, int members, int threads, boolean gpu) {
        int n = configured > 0 ? configured : gpu ? 1 : threads;
        return Math.max(1, Math.min(n, members));
    }

    /** How many models train side by side, and how many libtorch threads each of them gets. */
    public record Layout(int workers, int threadsEach) {
        /** The layout for {@code pbt.workers} and {@code train.threads} as configured (0 = automatic) on this machine. */
        public static Layout of(int configuredWorkers, int members, int configuredThreads) {
            int threads = TorchThreads.budget(configuredThreads);
            int n = count(configuredWorkers, members, threads, TorchEngine.device().isGpu());
            return new Layout(n, Math.max(1, threads / n));
        }
    }

    /** One part's work, reporting through the relay it is given. */
    interface Part {
        void run(Relay relay);
    }

    /**
     * What a part sees of the listener: its calls are queued for the training thread, and {@link #stopRequested()}
     * reads a flag that the training thread sets.
     */
    static final class Relay implements PopulationListener {
        private final BlockingQueue<Runnable> events;
        private final PopulationListener listener;
        private final Thread training = Thread.currentThread();
        private final long total;
        private long done;
        private volatile boolean stop;

        private Relay(BlockingQueue<Runnable> events, PopulationListener listener, long done, long total) {
            this.events = events;
            this.listener = listener;
            this.done = done;
            this.total = total;
        }

        /** Runs a listener call now on the training thread, or queues it for the training thread. */
        private void post(Runnable call) {
            if (Thread.currentThread() == training) {
                call.run();
            } else {
                events.add(call);
            }
        }

        /** One optimisation step done: progress moves by one of {@code total}. */
        void step(String what) {
            post(() -> listener.onProgress(++done, total, what)); // done is only touched on the training thread
        }

        @Override
        public void onMemberEpoch(int member, EpochMetrics metrics) {
            post(() -> listener.onMemberEpoch(member, metrics));
        }

        @Override
        public void onMessage(String message) {
            post(() -> listener.onMessage(message));
        }

        @Override
        public boolean stopRequested() {
            if (!stop && Thread.currentThread() == training && listener.stopRequested()) {
                stop = true;
            }
            return stop;
        }
    }

    /**
     * Runs every part on {@code threads} and returns when all have ended; with no threads, runs the one part on
     * the calling thread.
     *
     * @param threads the workers, or null for a single part
     * @param done    progress steps done before these parts start
     * @param total   progress steps of the whole run
     */
    static void run(TorchThreads threads, List<Part> parts, PopulationListener listener, long done, long total) {
        BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
        Relay relay = new Relay(events, listener, done, total);
        if (threads == null) {
            if (parts.size() != 1) {
                throw new IllegalArgumentException("without worker threads only one part can run, got " + parts.size());
            }
            parts.get(0).run(relay);
            return;
        }
        int[] ended = {0};
        Throwable[] failure = {null};
        for (Part part : parts) {
            threads.submit(() -> {
                Throwable thrown = null;
                try {
                    part.run(relay);
                } catch (Throwable t) {
                    thrown = t;
                }
                Throwable f = thrown;
                events.add(() -> {
                    ended[0]++;
                    if (f != null && (failure[0] == null || failure[0] instanceof TrainingStoppedException)) {
                        failure[0] = f;
                        relay.stop = true;
                    }
                });
            });
        }
        boolean interrupted = false;
        while (ended[0] < parts.size()) {
            try {
                events.take().run();
            } catch (InterruptedException e) {
                interrupted = true;
                relay.stop = true;
                continue;
            }
            if (!relay.stop && listener.stopRequested()) {
                relay.stop = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }
}
