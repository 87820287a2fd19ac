package org.latentlab.core.engine;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker threads that run libtorch side by side, each on its own number of intra-op threads, for work split
 * into independent parts (a population's shards). libtorch keeps the intra-op thread count per thread (it is
 * OpenMP's and MKL's per-thread setting), so two workers of one intra-op thread each keep two cores busy
 * where one model on two intra-op threads leaves the second spinning at OpenMP barriers: libtorch runs an
 * element-wise op below 32,768 elements on one thread, and a recurrent step's ops are that small.
 * Workers start with autograd recording off ({@link TorchEngine#prepareThread()}).
 *
 * <p>Give a worker more than one intra-op thread only with care: each thread that runs parallel ops gets an
 * OpenMP team of its own, and once a process's teams hold more threads than there are cores, libgomp cuts
 * every team's spin-wait short, so each parallel op pays for waking sleeping threads. A one-member PBT
 * generation on the Lorenz sample took 62 s on one worker with two intra-op threads (beside the training
 * thread's idle team) against 35 s on the training thread itself; one intra-op thread per worker makes no
 * team at all.
 */
public final class TorchThreads implements AutoCloseable {
    private final ExecutorService pool;

    /**
     * Starts {@code workers} threads named {@code name-0, name-1, ...}, each set to {@code intraOp} libtorch
     * threads. Threads started later elsewhere keep the count they would have had.
     */
    public TorchThreads(int workers, int intraOp, String name) {
        TorchEngine.get();
        int before = JniUtils.getNumThreads();
        CountDownLatch ready = new CountDownLatch(workers);
        AtomicInteger next = new AtomicInteger();
        ThreadPoolExecutor p = (ThreadPoolExecutor) Executors.newFixedThreadPool(workers, work -> {
            Thread t = new Thread(() -> {
                try {
                    TorchEngine.prepareThread();
                    // Reading the count first makes libtorch settle this thread's setting from the process-wide
                    // one now, so the setting below is not overwritten on the thread's first parallel op.
                    JniUtils.getNumThreads();
                    JniUtils.setNumThreads(intraOp);
                } finally {
                    ready.countDown(); // never leave the constructor waiting, even if the setting failed
                }
                work.run();
            }, name + "-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        p.prestartAllCoreThreads();
        awaitUninterruptibly(ready);
        // setNumThreads also changed the process-wide count that threads started later begin with: restore it.
        JniUtils.setNumThreads(before);
        pool = p;
    }

    /** Runs {@code task} on a free worker. */
    public Future<?> submit(Runnable task) {
        return pool.submit(task);
    }

    /** The threads a run may use: {@code configured} when positive, else one per core. */
    public static int budget(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
