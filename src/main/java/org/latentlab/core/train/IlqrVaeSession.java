package org.latentlab.core.train;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.ForkJoinPool;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.ilqrvae.IlqrVaeModel;

/**
 * An iLQR-VAE model sized for a dataset, with the engine's manager and the solver's thread pool; what
 * training, sampling and inference share.
 */
public final class IlqrVaeSession implements AutoCloseable {
    public final NDManager manager;
    public final IlqrVaeModel model;
    public final ForkJoinPool pool;
    /** Bins per training chunk. */
    public final int chunkBins;

    /** For training: chunks of {@code train.chunk_bins} (whole trials when 0 or longer than a trial). */
    public IlqrVaeSession(Session data, IlqrVaeConfig cfg, long seed) {
        this(data, cfg, seed, chunkFor(data, cfg));
    }

    private static int chunkFor(Session data, IlqrVaeConfig cfg) {
        int chunk = cfg.train().chunkBins();
        int bins = chunk == 0 || chunk >= data.bins() ? data.bins() : chunk;
        if (bins < 2) {
            throw new DataException("train.chunk_bins must be at least 2, got " + chunk);
        }
        return bins;
    }

    /** For a model trained on chunks of {@code chunkBins} bins (its posterior covariance has that size). */
    public IlqrVaeSession(Session data, IlqrVaeConfig cfg, long seed, int chunkBins) {
        if (data.extInputChannels() > 0) {
            throw new DataException(data.name() + ": has external inputs, which the iLQR-VAE does not take (use LFADS)");
        }
        int bins = data.bins();
        this.chunkBins = chunkBins;
        Tensor3 recon = data.split(org.latentlab.core.data.Split.TRAIN).reconOrEncod();
        int channels = recon.channels();
        double[] mean = new double[channels];
        double[] var = new double[channels];
        channelMoments(recon, bins, mean, var);
        int threads = cfg.train().threads() > 0 ? cfg.train().threads() : Runtime.getRuntime().availableProcessors();
        pool = new ForkJoinPool(threads);
        manager = NDManager.newBaseManager(TorchEngine.device());
        IlqrVaeModel m = new IlqrVaeModel(manager, cfg.modelConfig(), data.heldInChannels(), channels,
                cfg.modelConfig().beginSteps() + chunkBins - 1, mean, var, seed);
        model = m;
    }

    /** Mean and variance of each channel over the training trials' encoding window. */
    private static void channelMoments(Tensor3 t, int bins, double[] mean, double[] var) {
        int n = mean.length;
        double count = (double) t.trials() * bins;
        for (int i = 0; i < t.trials(); i++) {
            for (int b = 0; b < bins; b++) {
                for (int c = 0; c < n; c++) {
                    mean[c] += t.get(i, b, c) / count;
                }
            }
        }
        for (int i = 0; i < t.trials(); i++) {
            for (int b = 0; b < bins; b++) {
                for (int c = 0; c < n; c++) {
                    double d = t.get(i, b, c) - mean[c];
                    var[c] += d * d / count;
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        manager.close();
    }
}
