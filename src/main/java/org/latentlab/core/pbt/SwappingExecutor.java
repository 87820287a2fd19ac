package org.latentlab.core.pbt;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;

/**
 * A population that waits between generations in a store of all members (a P-member copy of the parameters,
 * initialised exactly as the vectorised executor's) and trains on worker models it is swapped into: in a
 * generation each worker takes its blocks of members from the store in turn, trains each block for the
 * generation and puts it back. Two layouts:
 * <ul>
 *   <li>{@link #shards}: one block of contiguous members per worker, each worker a batched model of its
 *       block. This is the vectorised executor split so that its parts train side by side: one batched model
 *       on two threads leaves the second core waiting through most of a step ({@link TorchThreads} says why).
 *   <li>{@link #perMember}: blocks of one member on one-member models, for populations that do not fit on the
 *       device as one batched model; worker w trains members w, w + workers, ...
 * </ul>
 * Workers train in their own threads on their own libtorch threads; a single worker trains on the training
 * thread itself, since a second thread with an OpenMP team of its own would slow every team down. Random
 * draws are keyed by member, so a member trains the same in any block or worker, and both layouts agree with
 * the one-model executor to float rounding.
 */
public final class SwappingExecutor implements StoredExecutor {
    private final LfadsSession stored;
    private final PopulationStore store;
    private final List<Worker> workers = new ArrayList<>();
    private final TorchThreads threads;
    private final String description;

    /** A worker's model and the blocks of members it trains, each the model's size. */
    private record Worker(MemberTrainer trainer, List<int[]> blocks) {
    }

    /**
     * The population in {@code shardCount} batched models of contiguous members that train side by side.
     *
     * @param shardCount  shards, in [2, members]
     * @param threadsEach libtorch intra-op threads per shard
     */
    public static SwappingExecutor shards(Dataset data, LfadsConfig cfg, int members, long seed, int shardCount,
                                          int threadsEach) {
        if (shardCount < 2 || shardCount > members) {
            throw new IllegalArgumentException("shards must be in [2, " + members + "], got " + shardCount);
        }
        List<List<int[]>> plan = new ArrayList<>();
        for (int s = 0; s < shardCount; s++) {
            int lo = s * members / shardCount;
            int[] ids = new int[(s + 1) * members / shardCount - lo];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = lo + k;
            }
            plan.add(List.of(ids));
        }
        int size = plan.get(0).get(0).length;
        boolean even = plan.stream().allMatch(b -> b.get(0).length == size);
        String description = "vectorised in " + shardCount + " shards" + (even ? " of " + size + " members" : "")
                + " trained side by side, " + threads(threadsEach) + " each";
        return new SwappingExecutor(data, cfg, members, seed, plan, threadsEach, description);
    }

    /**
     * The population on {@code workerCount} one-member models that train side by side.
     *
     * @param workerCount workers, in [1, members]
     * @param threadsEach libtorch intra-op threads per worker
     */
    public static SwappingExecutor perMember(Dataset data, LfadsConfig cfg, int members, long seed, int workerCount,
                                             int threadsEach) {
        if (workerCount < 1 || workerCount > members) {
            throw new IllegalArgumentException("workers must be in [1, " + members + "], got " + workerCount);
        }
        List<List<int[]>> plan = new ArrayList<>();
        for (int w = 0; w < workerCount; w++) {
            List<int[]> blocks = new ArrayList<>();
            for (int m = w; m < members; m += workerCount) {
                blocks.add(new int[] {m});
            }
            plan.add(blocks);
        }
        String description = "per member: " + workerCount + " one-member model"
                + (workerCount == 1 ? "" : "s side by side") + ", " + threads(threadsEach) + " each";
        return new SwappingExecutor(data, cfg, members, seed, plan, threadsEach, description);
    }

    private static String threads(int n) {
        return n + " libtorch thread" + (n == 1 ? "" : "s");
    }

    private SwappingExecutor(Dataset data, LfadsConfig cfg, int members, long seed, List<List<int[]>> plan,
                             int threadsEach, String description) {
        this.stored = new LfadsSession(data, cfg, members, seed);
        this.store = new PopulationStore(stored.params, new MemberAdamW(stored.params, cfg.train().adamEpsilon()));
        for (List<int[]> blocks : plan) {
            workers.add(new Worker(new MemberTrainer(data, cfg, blocks.get(0).length, seed), blocks));
        }
        this.description = description;
        this.threads = plan.size() > 1 ? new TorchThreads(plan.size(), threadsEach, "pbt-worker") : null;
        if (plan.size() == 1 && cfg.train().threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.train().threads());
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        boolean[] failed = new boolean[members()];
        int blocks = 0;
        List<SideBySide.Part> parts = new ArrayList<>();
        for (Worker w : workers) {
            blocks += w.blocks().size();
            parts.add(relay -> {
                for (int[] ids : w.blocks()) {
                    // The store is shared by the workers; a block's own slices are only touched by its worker.
                    synchronized (store) {
                        store.lend(w.trainer(), ids);
                    }
                    for (int epoch = from; epoch < to; epoch++) {
                        String what = ids.length == 1 ? "member " + ids[0] + ", epoch " + epoch
                                : "epoch " + epoch + ", " + members() + " members";
                        w.trainer().epoch(epoch, ids, hyper, smooth, failed, () -> relay.step(what), relay);
                    }
                    synchronized (store) {
                        store.takeBack(w.trainer(), ids);
                    }
                }
            });
        }
        // Progress counts each block's steps.
        long perEpoch = (long) workers.get(0).trainer().batches() * blocks;
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
        for (Worker w : workers) {
            w.trainer().close();
        }
        stored.close();
    }
}
