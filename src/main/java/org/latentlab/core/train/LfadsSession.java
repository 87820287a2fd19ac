package org.latentlab.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.ModelConfig;
import org.latentlab.core.config.Reconstruction;
import org.latentlab.core.data.Dataset;
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
 * constants, and the LFADS model. Closing it frees every tensor of the run. With several sessions the
 * model gets a read-in and a readout per session, started by principal-component regression.
 */
public final class LfadsSession implements AutoCloseable {
    public final Engine engine;
    public final NDManager manager;
    public final Consts consts;
    public final MemberParams params;
    public final LfadsModel model;
    private String readinNote;

    public LfadsSession(Session data, LfadsConfig cfg, int members, long seed) {
        this(Dataset.of(data), cfg, members, seed);
    }

    /** A model for {@code data}, its readout biases (and several sessions' read-ins) started from the data. */
    public LfadsSession(Dataset data, LfadsConfig cfg, int members, long seed) {
        this(shapes(data, cfg), cfg, members, seed);
        List<Session> sessions = data.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            if (model.observation(i) instanceof Poisson) {
                initReadoutBias(sessions.get(i), i);
            }
        }
        readinNote = sessions.size() > 1 ? initReadins(sessions, model.shape().readinDim()) : null;
    }

    /**
     * A model of the given session shapes with freshly drawn weights and nothing taken from data: for
     * loading a checkpoint over.
     */
    public LfadsSession(List<LfadsShape> shapes, LfadsConfig cfg, int members, long seed) {
        engine = TorchEngine.get();
        manager = NDManager.newBaseManager(TorchEngine.device());
        consts = new Consts(manager);
        params = new MemberParams(manager, members, seed);
        boolean multi = shapes.size() > 1;
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            obs.add(observation(cfg.model().reconstruction(), params, shapes.get(i).recon(), multi ? "zig." + i : "zig"));
        }
        model = new LfadsModel(shapes, obs, cfg.model().trainReadin(), params, consts);
    }

    /** How the read-ins started (several sessions), or null for a single session or a bare model. */
    public String readinNote() {
        return readinNote;
    }

    /** Each session's shape; several sessions get read-ins of the configured width. */
    public static List<LfadsShape> shapes(Dataset data, LfadsConfig cfg) {
        data.checkSessionsAgree();
        int readin = data.sessions().size() > 1 ? cfg.model().multiSessionReadinDim() : 0;
        List<LfadsShape> shapes = new ArrayList<>();
        for (Session d : data.sessions()) {
            shapes.add(shape(d, cfg.model(), readin));
        }
        return shapes;
    }

    public static LfadsShape shape(Session d, ModelConfig m) {
        return shape(d, m, 0);
    }

    static LfadsShape shape(Session d, ModelConfig m, int readinDim) {
        return new LfadsShape(d.heldInChannels(), d.reconChannels(), d.bins(), d.bins() + d.forwardBins(),
                d.extInputChannels(), m.icEncDim(), m.ciEncDim(), m.ciLag(), m.conDim(), m.coDim(), m.icDim(),
                m.genDim(), m.facDim(), m.icEncSeqLen(), (float) m.cellClip(), m.icPostVarMin(), m.icPriorVar(),
                m.coPriorTau(), m.coPriorNvar(), readinDim);
    }

    /**
     * Starts every session's read-in (and, for a Poisson readout as wide as the read-in, its readout) from
     * principal-component regression, the same for every member.
     */
    private String initReadins(List<Session> sessions, int dim) {
        boolean poisson = true;
        for (int i = 0; i < sessions.size(); i++) {
            poisson &= model.observation(i) instanceof Poisson;
        }
        PcrAlignment.Result pcr = PcrAlignment.fit(sessions, dim, poisson);
        boolean readouts = poisson && dim == model.shape().facDim();
        for (int i = 0; i < sessions.size(); i++) {
            PcrAlignment.Start st = pcr.sessions().get(i);
            assignAllMembers(LfadsModel.readinKey(i, "w"), st.readinW());
            assignAllMembers(LfadsModel.readinKey(i, "b"), new double[][] {st.readinB()});
            if (readouts) {
                assignAllMembers(model.readoutKey(i, "w"), st.readoutW());
                assignAllMembers(model.readoutKey(i, "b"), new double[][] {st.readoutB()});
            }
        }
        return pcr.describe() + (readouts ? "; readouts start from the inverse regression"
                : "; readouts start at random (" + (poisson ? "fac_dim differs from the read-in width" : "not Poisson") + ")");
    }

    private void assignAllMembers(String name, double[][] values) {
        int rows = values.length;
        int cols = values[0].length;
        float[] v = new float[params.members() * rows * cols];
        for (int m = 0; m < params.members(); m++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    v[(m * rows + r) * cols + c] = (float) values[r][c];
                }
            }
        }
        params.assign(name, manager.create(v, params.get(name).getShape()));
    }

    static Observation observation(Reconstruction r, MemberParams p, int channels, String zigKey) {
        if (r instanceof Reconstruction.Poisson) {
            return new Poisson();
        } else if (r instanceof Reconstruction.Gaussian) {
            return new Gaussian();
        } else if (r instanceof Reconstruction.Gamma) {
            return new Gamma();
        } else if (r instanceof Reconstruction.ZeroInflatedGamma z) {
            return new ZeroInflatedGamma(p.constant(zigKey + ".scale", z.scaleInit(), 1, 1, 2L * channels), z.gammaLoc(),
                    z.scalePrior(), z.scalePenalty());
        }
        throw new IllegalArgumentException("unknown reconstruction " + r);
    }

    /**
     * Starts the Poisson readout at each channel's log mean count, so early epochs learn structure rather
     * than the overall rate (lfads-torch starts at zero; this only shortens training).
     */
    private void initReadoutBias(Session d, int session) {
        LfadsShape s = model.shape(session);
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
        String key = model.readoutKey(session, "b");
        params.assign(key, manager.create(b, params.get(key).getShape()));
    }

    @Override
    public void close() {
        manager.close();
    }
}
