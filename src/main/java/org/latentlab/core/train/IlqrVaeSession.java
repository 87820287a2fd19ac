package org.latentlab.core.train;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.ForkJoinPool;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.engine.TorchThreads;
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
        this(data, cfg, seed, chunkBins, -1);
    }

    /**
     * For inference with a trained model: {@code behaviorChannels} is the number of behaviour channels it was
     * trained with (its weights come from the checkpoint, so the data need not hold behaviour at all, -1
     * when it is to be read from the training split).
     */
    public IlqrVaeSession(Session data, IlqrVaeConfig cfg, long seed, int chunkBins, int behaviorChannels) {
        checkTrainable(data, cfg, behaviorChannels < 0);
        int bins = data.bins();
        this.chunkBins = chunkBins;
        Tensor3 recon = data.split(org.latentlab.core.data.Split.TRAIN).reconOrEncod();
        int channels = recon.channels();
        double[][] moments = moments(recon, bins);
        pool = new ForkJoinPool(TorchThreads.budget(cfg.train().threads()));
        manager = NDManager.newBaseManager(TorchEngine.device());
        double[][] behavior = !cfg.modelConfig().fitBehavior() ? new double[2][]
                : behaviorChannels < 0 ? behaviorMoments(data, bins) : unitMoments(data, behaviorChannels);
        IlqrVaeModel m = new IlqrVaeModel(manager, cfg.modelConfig(), data.heldInChannels(), channels,
                cfg.modelConfig().beginSteps() + chunkBins - 1, moments[0], moments[1], behavior[0], behavior[1],
                seed);
        model = m;
    }

    /**
     * Refuses data the model cannot be trained on, before a run directory is touched: external inputs, or
     * {@code fit_behavior} without behaviour in the training split.
     */
    public static void checkTrainable(Session data, IlqrVaeConfig cfg) {
        checkTrainable(data, cfg, true);
    }

    /** External inputs are refused always, missing behaviour only for training (inference predicts it). */
    private static void checkTrainable(Session data, IlqrVaeConfig cfg, boolean training) {
        if (data.extInputChannels() > 0) {
            throw new DataException(data.name() + ": has external inputs, which the iLQR-VAE does not take (use LFADS)");
        }
        if (training && cfg.modelConfig().fitBehavior() && data.split(org.latentlab.core.data.Split.TRAIN).behavior() == null) {
            throw new DataException(data.name() + ": model.fit_behavior is set but the training split has no behavior");
        }
    }

    /**
     * Mean 0 and variance 1 for each of a trained model's behaviour channels: the shapes its checkpoint's
     * frozen centre and spread are loaded into. Any behaviour in the data must have that many channels.
     */
    private static double[][] unitMoments(Session data, int channels) {
        for (org.latentlab.core.data.Split split : data.splits().keySet()) {
            Tensor3 b = data.split(split).behavior();
            if (b != null && b.channels() != channels) {
                throw new DataException(data.name() + ": " + split.key() + "_behavior has " + b.channels()
                        + " channels but the model was trained on " + channels);
            }
        }
        double[] one = new double[channels];
        java.util.Arrays.fill(one, 1);
        return new double[][] {new double[channels], one};
    }

    /** {mean, variance} of each behaviour channel over the recorded entries of the training trials. */
    private static double[][] behaviorMoments(Session data, int bins) {
        double[][] m = moments(data.split(org.latentlab.core.data.Split.TRAIN).behavior(), bins);
        for (int c = 0; c < m[0].length; c++) {
            if (Double.isNaN(m[0][c])) {
                throw new DataException(data.name() + ": behavior channel " + c + " has no recorded value in the training split");
            }
        }
        return m;
    }

    /**
     * {mean, variance} of each channel over the first {@code bins} bins of every trial, NaN (unobserved)
     * entries left out; NaN for a channel with no observed entry.
     */
    static double[][] moments(Tensor3 t, int bins) {
        int n = t.channels();
        double[] mean = new double[n];
        double[] var = new double[n];
        long[] count = new long[n];
        for (int i = 0; i < t.trials(); i++) {
            for (int b = 0; b < bins; b++) {
                for (int c = 0; c < n; c++) {
                    float v = t.get(i, b, c);
                    if (!Float.isNaN(v)) {
                        mean[c] += v;
                        count[c]++;
                    }
                }
            }
        }
        for (int c = 0; c < n; c++) {
            mean[c] /= count[c];
        }
        for (int i = 0; i < t.trials(); i++) {
            for (int b = 0; b < bins; b++) {
                for (int c = 0; c < n; c++) {
                    float v = t.get(i, b, c);
                    if (!Float.isNaN(v)) {
                        var[c] += (v - mean[c]) * (v - mean[c]);
                    }
                }
            }
        }
        for (int c = 0; c < n; c++) {
            var[c] /= count[c];
        }
        return new double[][] {mean, var};
    }

    @Override
    public void close() {
        pool.shutdown();
        manager.close();
    }
}
