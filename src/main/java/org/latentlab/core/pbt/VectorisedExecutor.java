package org.latentlab.core.pbt;

import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;

/**
 * The whole population as one LFADS model with a member axis of size P: one batched step trains every
 * member, each with its own hyperparameter values (tensors along the axis), its own shuffle of the training
 * trials and its own dropout and sampling noise. Exploit copies slices of weights and optimizer state.
 */
public final class VectorisedExecutor implements StoredExecutor {
    private final MemberTrainer trainer;
    private final PopulationStore store;
    private final int[] all;

    public VectorisedExecutor(Dataset data, LfadsConfig cfg, int members, long seed) {
        this.trainer = new MemberTrainer(data, cfg, members, seed);
        this.store = new PopulationStore(trainer.session.params, trainer.opt);
        this.all = new int[members];
        for (int m = 0; m < members; m++) {
            all[m] = m;
        }
        if (cfg.train().threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.train().threads());
        }
    }

    @Override
    public int members() {
        return all.length;
    }

    @Override
    public String describe() {
        return "vectorised: one batched model of " + all.length + " members";
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        boolean[] failed = new boolean[all.length];
        int batches = trainer.batches();
        long[] done = {(long) from * batches};
        for (int epoch = from; epoch < to; epoch++) {
            String what = "epoch " + epoch + ", " + all.length + " members";
            trainer.epoch(epoch, all, hyper, smooth, failed,
                    () -> listener.onProgress(++done[0], (long) totalEpochs * batches, what), listener);
        }
        return failed;
    }

    @Override
    public PopulationStore store() {
        return store;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
