package org.latentlab.core.pbt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.data.Session;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.MemberParams;
import org.latentlab.core.train.Checkpoint;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.IlqrEpochs;
import org.latentlab.core.train.IlqrVaeSession;
import org.latentlab.core.train.IlqrVaeTrainer;
import org.latentlab.core.train.MemberAdamW;

/**
 * A population of iLQR-VAEs, trained one member after another on one worker model (the solver already spreads
 * each batch's trials over the cores). The members' weights and Adam state wait in a store with a member
 * axis; each member also keeps its solver warm starts, which follow its weights when another member copies
 * it. A member's weights are made at its first generation, from its own hyperparameters (its input prior's
 * initial scale) and its own seed. A member's learning rate is constant within a generation.
 */
final class IlqrVaeExecutor implements PopulationExecutor {
    private final Session data;
    private final IlqrVaePbtConfig cfg;
    private final long seed;
    private final IlqrVaeSession worker;
    private final MemberAdamW workerOpt;
    private final IlqrEpochs epochs;
    private final NDManager storeManager;
    private final PopulationStore store;
    private final IlqrEpochs.WarmStarts[] warm;
    private final boolean[] made;

    IlqrVaeExecutor(Session data, IlqrVaePbtConfig cfg, long seed) {
        this.data = data;
        this.cfg = cfg;
        this.seed = seed;
        this.worker = new IlqrVaeSession(data, cfg.ilqrVae(), seed);
        this.workerOpt = new MemberAdamW(worker.model.params(), cfg.train().adamEpsilon());
        this.epochs = new IlqrEpochs(worker, data, cfg.ilqrVae(), seed);
        int p = cfg.pbt().population();
        this.storeManager = NDManager.newBaseManager(TorchEngine.device());
        MemberParams params = new MemberParams(storeManager, p, seed);
        Map<String, NDArray> trainable = worker.model.params().trainable();
        worker.model.params().all().forEach((name, t) -> {
            long[] shape = Arrays.copyOfRange(t.getShape().getShape(), 1, t.getShape().dimension());
            params.fill(name, shape, (r, k) -> 0f, trainable.containsKey(name));
        });
        this.store = new PopulationStore(params, new MemberAdamW(params, cfg.train().adamEpsilon()));
        this.warm = new IlqrEpochs.WarmStarts[p];
        this.made = new boolean[p];
        for (int m = 0; m < p; m++) {
            warm[m] = epochs.warmStarts();
        }
    }

    @Override
    public int members() {
        return made.length;
    }

    @Override
    public String describe() {
        return "per member: one iLQR-VAE at a time, its solver on " + worker.pool.getParallelism() + " threads";
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        int p = members();
        boolean[] failed = new boolean[p];
        int batches = epochs.batches();
        long total = (long) totalEpochs * batches * p;
        long[] done = {(long) from * batches * p};
        double alpha = cfg.train().smoothing();
        for (int m = 0; m < p; m++) {
            if (!made[m]) {
                make(m, hyper[m]);
            }
            worker.model.params().setMemberValues(0, store.params().memberValues(m));
            workerOpt.setMemberState(0, store.opt().memberState(m));
            double lr = hyper[m][HyperSpace.ILQR_LR];
            double l2 = hyper[m][HyperSpace.ILQR_L2];
            long stream = PbtRandom.stepSeed(seed, m, 0, 0, 3);
            for (int epoch = from; epoch < to && !failed[m]; epoch++) {
                long t0 = System.nanoTime();
                String what = "member " + m + ", epoch " + epoch;
                IlqrEpochs.Trained tr = epochs.train(epoch, stream, workerOpt, step -> lr, l2, warm[m],
                        (b, f) -> listener.onProgress(++done[0], total, what), listener::stopRequested,
                        "; the population resumes from its last completed generation");
                // Every solve failing is a failed member, logged with NaN validation scores (as a non-finite loss is).
                IlqrEpochs.Validated v = tr.used() > 0 ? epochs.validate(warm[m])
                        : new IlqrEpochs.Validated(Double.NaN, Double.NaN, Double.NaN, 0);
                // Whole validation trials are longer than the training chunks: a member whose dynamics blow up
                // over them (non-finite NLL) has failed too, even when its chunks score.
                boolean ok = Double.isFinite(tr.loss()) && Double.isFinite(v.loss()) && Double.isFinite(v.nll());
                failed[m] = !ok;
                smooth[m] = ok ? EpochMetrics.smoothed(smooth[m], v.loss(), alpha) : Double.NaN;
                // Seconds of this epoch, as AutoLFADS members log them.
                listener.onMemberEpoch(m, IlqrVaeTrainer.metrics(epoch, tr, v, smooth[m], (System.nanoTime() - t0) / 1e9));
            }
            done[0] = (long) from * batches * p + (long) (m + 1) * (to - from) * batches;
            store.params().setMemberValues(m, worker.model.params().memberValues(0));
            store.opt().setMemberState(m, workerOpt.memberState(0));
        }
        return failed;
    }

    /** Member {@code m}'s initial weights, from a model built with its hyperparameters and its own seed. */
    private void make(int m, double[] hyper) {
        IlqrVaeConfig own = HyperSpace.of(cfg.search()).apply(cfg.ilqrVae(), hyper);
        try (IlqrVaeSession fresh = new IlqrVaeSession(data, own, PbtRandom.stepSeed(seed, m, 0, 0, 4))) {
            store.params().setMemberValues(m, fresh.model.params().memberValues(0));
            store.opt().setMemberState(m, new MemberAdamW(fresh.model.params(), cfg.train().adamEpsilon()).memberState(0));
        }
        made[m] = true;
    }

    @Override
    public void copy(int from, int to) {
        store.copy(from, to);
        warm[to].copyFrom(warm[from]);
        made[to] = made[from];
    }

    /** Saves the weights, Adam state and every member's warm starts, so a resumed population repeats an uninterrupted one. */
    @Override
    public void save(Path file, Map<String, Object> state) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int m = 0; m < warm.length; m++) {
            entries.put(warmStartsEntry(m), warm[m].encode());
        }
        store.save(file, state, entries);
    }

    @Override
    public JsonNode restore(Path file) {
        JsonNode state = store.restore(file);
        Arrays.fill(made, true);
        // A population saved by an earlier release has no warm starts: its solvers then start cold.
        Map<String, byte[]> entries = Checkpoint.entries(file);
        for (int m = 0; m < warm.length; m++) {
            byte[] saved = entries.get(warmStartsEntry(m));
            if (saved != null) {
                warm[m].decode(saved, file);
            }
        }
        return state;
    }

    private static String warmStartsEntry(int member) {
        return String.format(Locale.ROOT, "warm_starts/m%02d.bin", member);
    }

    @Override
    public Map<String, float[]> memberWeights(int m) {
        return store.memberWeights(m);
    }

    @Override
    public void close() {
        worker.close();
        storeManager.close();
    }
}
