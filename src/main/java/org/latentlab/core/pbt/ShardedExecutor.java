package org.latentlab.core.pbt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;

/**
 * The vectorised executor split into shards that train side by side: each shard is a batched model of a
 * contiguous part of the population, trained in its own thread on its own libtorch threads (on two cores, two
 * shards of one thread each). One batched model on two threads leaves the second core waiting through most
 * of a step ({@link TorchThreads} says why); two shards keep both busy.
 *
 * <p>Between generations the population waits in a store of all members (as the per-member executor's); a
 * generation lends each shard its members and takes them back at the end. Random draws are keyed by member,
 * so a member trains the same in any shard, and the shards agree with the one-model executor to float
 * rounding. Each shard trains its members through the whole generation without waiting for the others; their
 * events reach the listener on the training thread ({@link SideBySide}).
 */
public final class ShardedExecutor implements StoredExecutor {
    private final LfadsSession stored;
    private final PopulationStore store;
    private final List<Shard> shards = new ArrayList<>();
    private final TorchThreads threads;
    private final int threadsEach;

    /** A shard's model and the members it trains, slot k holding member {@code ids[k]}. */
    private record Shard(MemberTrainer trainer, int[] ids) {
    }

    /**
     * @param shardCount  shards, at most {@code members}; members are dealt in contiguous blocks
     * @param threadsEach libtorch intra-op threads per shard
     */
    public ShardedExecutor(Dataset data, LfadsConfig cfg, int members, long seed, int shardCount, int threadsEach) {
        if (shardCount < 2 || shardCount > members) {
            throw new IllegalArgumentException("shards must be in [2, " + members + "], got " + shardCount);
        }
        this.threadsEach = threadsEach;
        this.stored = new LfadsSession(data, cfg, members, seed);
        this.store = new PopulationStore(stored.params, new MemberAdamW(stored.params, cfg.train().adamEpsilon()));
        for (int s = 0; s < shardCount; s++) {
            int lo = s * members / shardCount;
            int hi = (s + 1) * members / shardCount;
            int[] ids = new int[hi - lo];
            Arrays.setAll(ids, k -> lo + k);
            shards.add(new Shard(new MemberTrainer(data, cfg, ids.length, seed), ids));
        }
        this.threads = new TorchThreads(shardCount, threadsEach, "pbt-shard");
    }

    @Override
    public String describe() {
        int size = shards.get(0).ids().length;
        boolean even = shards.stream().allMatch(s -> s.ids().length == size);
        return "vectorised in " + shards.size() + " shards" + (even ? " of " + size + " members" : "")
                + " trained side by side, " + threadsEach + " libtorch thread" + (threadsEach == 1 ? "" : "s")
                + " each";
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        boolean[] failed = new boolean[members()];
        int batches = shards.get(0).trainer().batches();
        List<SideBySide.Part> parts = new ArrayList<>();
        for (Shard s : shards) {
            store.lend(s.trainer(), s.ids());
            parts.add(relay -> {
                for (int epoch = from; epoch < to; epoch++) {
                    String what = "epoch " + epoch + ", " + members() + " members";
                    s.trainer().epoch(epoch, s.ids(), hyper, smooth, failed, () -> relay.step(what), relay);
                }
            });
        }
        try {
            // Progress counts each shard's steps: a population step is done when every shard has made it.
            long perEpoch = (long) batches * shards.size();
            SideBySide.run(threads, parts, listener, from * perEpoch, totalEpochs * perEpoch);
        } finally {
            for (Shard s : shards) {
                store.takeBack(s.trainer(), s.ids());
            }
        }
        return failed;
    }

    @Override
    public PopulationStore store() {
        return store;
    }

    @Override
    public void close() {
        threads.close();
        for (Shard s : shards) {
            s.trainer().close();
        }
        stored.close();
    }
}
