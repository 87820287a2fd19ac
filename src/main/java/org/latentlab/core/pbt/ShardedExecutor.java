package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;
import org.latentlab.core.train.TrainingStoppedException;

/**
 * The vectorised executor split into shards that train side by side: each shard is a batched model of a
 * contiguous part of the population, trained in its own thread on its own libtorch threads (on two cores, two
 * shards of one thread each). One batched model on two threads leaves the second core waiting through most
 * of a step ({@link TorchThreads} says why); two shards keep both busy.
 *
 * <p>Between generations the population waits in a store of all members (as the per-member executor's); a
 * generation lends each shard its members and takes them back at the end. Random draws are keyed by member,
 * so a member trains the same in any shard, and the shards agree with the one-model executor to float
 * rounding. Shards meet at the end of every epoch; their members' epoch events then reach the listener in
 * member order, on the training thread, as the one-model executor sends them.
 */
public final class ShardedExecutor implements PopulationExecutor {
    private final LfadsSession stored;
    private final PopulationStore store;
    private final List<Shard> shards = new ArrayList<>();
    private final TorchThreads threads;
    private final int threadsEach;

    /** A shard's model and the members it trains, slot k holding member {@code ids[k]}. */
    private record Shard(MemberTrainer trainer, int[] ids) {
    }

    /** What a shard reports to the training thread: a step done, or its epoch ended (with its failure, if any). */
    private record Event(boolean done, Throwable failure) {
        static final Event STEP = new Event(false, null);
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

    /**
     * How many shards a population trains in: {@code configured} when positive (at most one per member);
     * otherwise, on the CPU, one per intra-op thread the run may use (at most one per member), and one on a
     * GPU, where a single batched model is what the device is good at.
     */
    public static int shardsFor(int configured, int members, int threads, boolean gpu) {
        if (configured > 0) {
            return Math.min(configured, members);
        }
        return gpu ? 1 : Math.max(1, Math.min(threads, members));
    }

    @Override
    public int members() {
        return store.params().members();
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
        // Progress counts each shard's steps: a population step is done when every shard has made it.
        long total = (long) totalEpochs * batches * shards.size();
        long[] done = {(long) from * batches * shards.size()};
        for (Shard s : shards) {
            store.lend(s.trainer(), s.ids());
        }
        try {
            for (int epoch = from; epoch < to; epoch++) {
                epoch(epoch, hyper, smooth, failed, listener, done, total);
            }
        } finally {
            for (Shard s : shards) {
                store.takeBack(s.trainer(), s.ids());
            }
        }
        return failed;
    }

    /** One epoch of every shard; returns when all have ended, after passing their events on. */
    private void epoch(int epoch, double[][] hyper, double[] smooth, boolean[] failed, PopulationListener listener,
                       long[] done, long total) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        EpochMetrics[] metrics = new EpochMetrics[members()];
        ShardListener inShard = new ShardListener(metrics);
        for (Shard s : shards) {
            threads.submit(() -> {
                Throwable failure = null;
                try {
                    s.trainer().epoch(epoch, s.ids(), hyper, smooth, failed, () -> events.add(Event.STEP), inShard);
                } catch (Throwable t) {
                    failure = t;
                }
                events.add(new Event(true, failure));
            });
        }
        String what = "epoch " + epoch + ", " + members() + " members";
        Throwable failure = null;
        boolean interrupted = false;
        for (int ended = 0; ended < shards.size(); ) {
            Event e;
            try {
                e = events.take();
            } catch (InterruptedException x) {
                interrupted = true;
                inShard.stop = true;
                continue;
            }
            if (!e.done()) {
                listener.onProgress(++done[0], total, what);
            } else {
                ended++;
                if (e.failure() != null && (failure == null || failure instanceof TrainingStoppedException)) {
                    failure = e.failure(); // a real error outranks the stops it causes in the other shards
                    inShard.stop = true;
                }
            }
            if (listener.stopRequested()) {
                inShard.stop = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        for (int m = 0; m < metrics.length; m++) {
            listener.onMemberEpoch(m, metrics[m]);
        }
    }

    /** What the shards' trainers see of the listener: epoch metrics kept for later, and the stop flag. */
    private static final class ShardListener implements PopulationListener {
        private final EpochMetrics[] metrics;
        volatile boolean stop;

        ShardListener(EpochMetrics[] metrics) {
            this.metrics = metrics;
        }

        @Override
        public void onMemberEpoch(int member, EpochMetrics m) {
            metrics[member] = m; // each member is written by its own shard, read after the shards have ended
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }
    }

    @Override
    public void copy(int from, int to) {
        store.copy(from, to);
    }

    @Override
    public void save(Path file, Map<String, Object> state) {
        store.save(file, state);
    }

    @Override
    public JsonNode restore(Path file) {
        return store.restore(file);
    }

    @Override
    public Map<String, float[]> memberWeights(int m) {
        return store.memberWeights(m);
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
