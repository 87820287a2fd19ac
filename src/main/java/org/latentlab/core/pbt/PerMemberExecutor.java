package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;

/**
 * Members trained one after another on a one-member model, for populations that do not fit on the device
 * as one batched model. The population's weights and optimizer state wait in a store (a P-member copy of
 * the parameters, initialised exactly as the vectorised executor's); each member is swapped into the
 * worker for its generation and back out. It draws the same per-member random streams as the vectorised
 * executor, so the two agree up to floating-point summation order.
 */
public final class PerMemberExecutor implements PopulationExecutor {
    private final LfadsSession stored;
    private final PopulationStore store;
    private final MemberTrainer worker;

    public PerMemberExecutor(Dataset data, LfadsConfig cfg, int members, long seed) {
        this.stored = new LfadsSession(data, cfg, members, seed);
        this.store = new PopulationStore(stored.params, new MemberAdamW(stored.params, cfg.train().adamEpsilon()));
        this.worker = new MemberTrainer(data, cfg, 1, seed);
        if (cfg.train().threads() > 0) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(cfg.train().threads());
        }
    }

    @Override
    public int members() {
        return store.params().members();
    }

    @Override
    public String describe() {
        return "per member: one member at a time on a one-member model";
    }

    @Override
    public boolean[] train(int from, int to, double[][] hyper, double[] smooth, int totalEpochs,
                           PopulationListener listener) {
        int p = members();
        boolean[] failed = new boolean[p];
        int batches = worker.batches();
        long total = (long) totalEpochs * batches * p;
        long[] done = {(long) from * batches * p};
        for (int m = 0; m < p; m++) {
            int[] one = {m};
            store.lend(worker, one);
            for (int epoch = from; epoch < to; epoch++) {
                String what = "member " + m + ", epoch " + epoch;
                worker.epoch(epoch, one, hyper, smooth, failed,
                        () -> listener.onProgress(++done[0], total, what), listener);
            }
            store.takeBack(worker, one);
        }
        return failed;
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
        worker.close();
        stored.close();
    }
}
