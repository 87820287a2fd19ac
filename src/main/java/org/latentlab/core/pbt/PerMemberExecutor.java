package org.latentlab.core.pbt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;

/**
 * Members trained on one-member models, for populations that do not fit on the device as one batched model.
 * The population's weights and optimizer state wait in a store (a P-member copy of the parameters,
 * initialised exactly as the vectorised executor's); a worker takes the next member waiting, trains it for
 * the generation and puts it back. Several workers train side by side, each in its own thread on its own
 * libtorch threads: a one-member step keeps one core busy and no more ({@link TorchThreads}), so two
 * workers on two cores train the population nearly twice as fast, for twice the working memory. It draws
 * the same per-member random streams as the vectorised executor, so the two agree up to floating-point
 * summation order, whichever worker trains a member.
 */
public final class PerMemberExecutor implements StoredExecutor {
    private final LfadsSession stored;
    private final PopulationStore store;
    private final List<MemberTrainer> workers = new ArrayList<>();
    private final TorchThreads threads;
    private final int threadsEach;

    /**
     * @param workerCount models training members side by side, at most {@code members}
     * @param threadsEach libtorch intra-op threads per worker
     */
    public PerMemberExecutor(Dataset data, LfadsConfig cfg, int members, long seed, int workerCount, int threadsEach) {
        if (workerCount < 1 || workerCount > members) {
            throw new IllegalArgumentException("workers must be in [1, " + members + "], got " + workerCount);
        }
        this.stored = new LfadsSession(data, cfg, members, seed);
        this.store = new PopulationStore(stored.params, new MemberAdamW(stored.params, cfg.train().adamEpsilon()));
        for (int w = 0; w < workerCount; w++) {
            workers.add(new MemberTrainer(data, cfg, 1, seed));
        }
        this.threadsEach = threadsEach;
        // One worker trains on the training thread itself: a second thread with an OpenMP team of its own would
        // slow every team down (TorchThreads).
        this.threads = workerCount > 1 ? new TorchThreads(workerCount, threadsEach, "pbt-worker") : null;
        if (workerCount == 1 && cfg.train().threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.train().threads());
        }
    }

    @Override
    public String describe() {
        return "per member: " + workers.size() + " one-member model" + (workers.size() == 1 ? "" : "s side by side")
                + ", " + threadsEach + " libtorch thread" + (threadsEach == 1 ? "" : "s") + " each";
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        int p = members();
        boolean[] failed = new boolean[p];
        int batches = workers.get(0).batches();
        AtomicInteger next = new AtomicInteger();
        List<SideBySide.Part> parts = new ArrayList<>();
        for (MemberTrainer worker : workers) {
            parts.add(relay -> {
                for (int m = next.getAndIncrement(); m < p; m = next.getAndIncrement()) {
                    int[] one = {m};
                    // The store is shared by the workers; each member's own slices are only touched by its worker.
                    synchronized (store) {
                        store.lend(worker, one);
                    }
                    for (int epoch = from; epoch < to; epoch++) {
                        String what = "member " + m + ", epoch " + epoch;
                        worker.epoch(epoch, one, hyper, smooth, failed, () -> relay.step(what), relay);
                    }
                    synchronized (store) {
                        store.takeBack(worker, one);
                    }
                }
            });
        }
        long perEpoch = (long) batches * p;
        SideBySide.run(threads, parts, listener, from * perEpoch, totalEpochs * perEpoch);
        return failed;
    }

    @Override
    public PopulationStore store() {
        return store;
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.close();
        }
        for (MemberTrainer w : workers) {
            w.close();
        }
        stored.close();
    }
}
