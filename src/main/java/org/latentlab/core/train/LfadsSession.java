package org.latentlab.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.ModelConfig;
import org.latentlab.core.config.Reconstruction;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.distributions.Gamma;
import org.latentlab.core.model.distributions.Gaussian;
import org.latentlab.core.model.distributions.Observation;
import org.latentlab.core.model.distributions.Poisson;
import org.latentlab.core.model.distributions.ZeroInflatedGamma;
import org.latentlab.core.model.lfads.LfadsModel;
import org.latentlab.core.model.lfads.LfadsShape;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * A model built for a dataset: the engine, one manager for the run's parameters and optimizer state,
 * constants, and the LFADS model. Closing it frees every tensor of the run.
 */
public final class LfadsSession implements AutoCloseable {
    public final Engine engine;
    public final NDManager manager;
    public final Consts consts;
    public final MemberParams params;
    public final LfadsModel model;

    public LfadsSession(Session data, LfadsConfig cfg, int members, long seed) {
        engine = TorchEngine.get();
        manager = NDManager.newBaseManager(TorchEngine.device());
        consts = new Consts(manager);
        params = new MemberParams(manager, members, seed);
        LfadsShape shape = shape(data, cfg.model());
        Observation obs = observation(cfg.model().reconstruction(), params, shape.recon());
        model = new LfadsModel(shape, obs, params, consts);
        if (obs instanceof Poisson) {
            initReadoutBias(data, shape);
        }
    }

    public static LfadsShape shape(Session d, ModelConfig m) {
        return new LfadsShape(d.heldInChannels(), d.reconChannels(), d.bins(), d.bins() + d.forwardBins(),
                d.extInputChannels(), m.icEncDim(), m.ciEncDim(), m.ciLag(), m.conDim(), m.coDim(), m.icDim(),
                m.genDim(), m.facDim(), m.icEncSeqLen(), (float) m.cellClip(), m.icPostVarMin(), m.icPriorVar(),
                m.coPriorTau(), m.coPriorNvar());
    }

    static Observation observation(Reconstruction r, MemberParams p, int channels) {
        if (r instanceof Reconstruction.Poisson) {
            return new Poisson();
        } else if (r instanceof Reconstruction.Gaussian) {
            return new Gaussian();
        } else if (r instanceof Reconstruction.Gamma) {
            return new Gamma();
        } else if (r instanceof Reconstruction.ZeroInflatedGamma z) {
            return new ZeroInflatedGamma(p.constant("zig.scale", z.scaleInit(), 1, 1, 2L * channels), z.gammaLoc(),
                    z.scalePrior(), z.scalePenalty());
        }
        throw new IllegalArgumentException("unknown reconstruction " + r);
    }

    /**
     * Starts the Poisson readout at each channel's log mean count, so early epochs learn structure rather
     * than the overall rate (lfads-torch starts at zero; this only shortens training).
     */
    private void initReadoutBias(Session d, LfadsShape s) {
        Tensor3 recon = d.split(Split.TRAIN).reconOrEncod();
        double[] sum = new double[s.recon()];
        double[] n = new double[s.recon()];
        for (int i = 0; i < recon.trials(); i++) {
            for (int t = 0; t < recon.time(); t++) {
                for (int c = 0; c < recon.channels(); c++) {
                    float v = recon.get(i, t, c);
                    if (!Float.isNaN(v)) {
                        sum[c] += v;
                        n[c]++;
                    }
                }
            }
        }
        int members = params.members();
        float[] b = new float[members * s.recon()];
        for (int m = 0; m < members; m++) {
            for (int c = 0; c < s.recon(); c++) {
                b[m * s.recon() + c] = (float) Math.log(Math.max(1e-3, n[c] > 0 ? sum[c] / n[c] : 1e-3));
            }
        }
        params.assign("readout.b", manager.create(b, params.get("readout.b").getShape()));
    }

    @Override
    public void close() {
        manager.close();
    }
}
