package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.model.distributions.Observation;
import org.latentlab.core.model.nn.Batched;
import org.latentlab.core.model.nn.ClippedGru;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.Dropout;
import org.latentlab.core.model.nn.Loop;
import org.latentlab.core.model.nn.MemberParams;
import org.latentlab.core.model.nn.StackedGru;

/**
 * LFADS as lfads-torch builds it, with a member axis on every parameter: a bidirectional IC encoder gives
 * the generator's initial condition; a bidirectional CI encoder feeds a controller whose sampled outputs
 * drive the generator; factors are a row-normalised projection of the generator state; a readout maps
 * factors to the observation model's parameters. Shapes: {@code [M, B, T, channels]}.
 *
 * <p>Several sessions (recordings with their own neurons) share everything from the encoders to the
 * factors; each has its own linear read-in into the encoders' input space and its own readout. A batch
 * comes from one session (as in the original LFADS), so every step passes the session's index.
 */
public final class LfadsModel {
    private final LfadsShape s;
    private final List<LfadsShape> sessions;
    private final List<Observation> observations;
    private final MemberParams p;
    private final Consts c;
    private final ClippedGru icFwd;
    private final ClippedGru icBwd;
    private final ClippedGru ciFwd;
    private final ClippedGru ciBwd;
    private final ClippedGru controller;
    private final ClippedGru generator;

    /** A single-session model. */
    public LfadsModel(LfadsShape s, Observation observation, MemberParams p, Consts c) {
        this(List.of(s), List.of(observation), false, p, c);
    }

    /**
     * @param sessions     each session's shape; all share the architecture, the bins and the encoder input
     *                     width (their read-in width when there are several)
     * @param observations each session's observation model
     * @param trainReadin  whether the read-ins are trained (they start from random weights; callers
     *                     assign their principal-component initialisation)
     */
    public LfadsModel(List<LfadsShape> sessions, List<Observation> observations, boolean trainReadin, MemberParams p,
                      Consts c) {
        this.sessions = List.copyOf(sessions);
        this.observations = List.copyOf(observations);
        this.s = sessions.get(0);
        this.p = p;
        this.c = c;
        checkSessions();
        for (int i = 0; i < sessions.size(); i++) {
            LfadsShape si = sessions.get(i);
            if (si.hasReadin()) {
                double std = 1 / Math.sqrt(si.heldIn());
                p.fill(readinKey(i, "w"), new long[] {si.heldIn(), si.readinDim()},
                        (r, k) -> (float) (MemberParams.gaussian(r) * std), trainReadin);
                p.fill(readinKey(i, "b"), new long[] {1, si.readinDim()}, (r, k) -> 0f, trainReadin);
            }
        }
        int in = s.encoderInput();
        icFwd = ClippedGru.create(p, "ic_enc.fwd", in, s.icEncDim(), s.cellClip(), true);
        icBwd = ClippedGru.create(p, "ic_enc.bwd", in, s.icEncDim(), s.cellClip(), true);
        p.constant("ic_enc.fwd.h0", 0, 1, s.icEncDim());
        p.constant("ic_enc.bwd.h0", 0, 1, s.icEncDim());
        p.normal("ic_linear.w", 1 / Math.sqrt(2.0 * s.icEncDim()), 2L * s.icEncDim(), 2L * s.icDim());
        p.constant("ic_linear.b", 0, 1, 2L * s.icDim());
        if (s.hasController()) {
            ciFwd = ClippedGru.create(p, "ci_enc.fwd", in, s.ciEncDim(), s.cellClip(), true);
            ciBwd = ClippedGru.create(p, "ci_enc.bwd", in, s.ciEncDim(), s.cellClip(), true);
            p.constant("ci_enc.fwd.h0", 0, 1, s.ciEncDim());
            p.constant("ci_enc.bwd.h0", 0, 1, s.ciEncDim());
            controller = ClippedGru.create(p, "controller", 2 * s.ciEncDim() + s.facDim(), s.conDim(), s.cellClip(), false);
            p.constant("controller.h0", 0, 1, s.conDim());
            p.normal("co_linear.w", 1 / Math.sqrt(s.conDim()), s.conDim(), 2L * s.coDim());
            p.constant("co_linear.b", 0, 1, 2L * s.coDim());
            p.constant("co_prior.log_tau", Math.log(s.coPriorTau()), 1, 1, s.coDim());
            p.constant("co_prior.log_nvar", Math.log(s.coPriorNvar()), 1, 1, s.coDim());
        } else {
            ciFwd = null;
            ciBwd = null;
            controller = null;
        }
        p.normal("gen_init.w", 1 / Math.sqrt(s.icDim()), s.icDim(), s.genDim());
        p.constant("gen_init.b", 0, 1, s.genDim());
        generator = ClippedGru.create(p, "generator", Math.max(1, s.genInputDim()), s.genDim(), s.cellClip(), false);
        p.normal("factors.w", 1 / Math.sqrt(s.genDim()), s.genDim(), s.facDim());
        for (int i = 0; i < sessions.size(); i++) {
            int width = observations.get(i).paramsPerChannel() * sessions.get(i).recon();
            p.normal(readoutKey(i, "w"), 1 / Math.sqrt(s.facDim()), s.facDim(), width);
            p.constant(readoutKey(i, "b"), 0, 1, width);
        }
        p.constant("ic_prior.mean", 0, 1, s.icDim());
        p.frozen("ic_prior.log_var", Math.log(s.icPriorVar()), 1, s.icDim());
    }

    private void checkSessions() {
        if (sessions.size() != observations.size()) {
            throw new IllegalArgumentException(sessions.size() + " sessions but " + observations.size() + " observations");
        }
        for (LfadsShape si : sessions) {
            if (si.encoderInput() != s.encoderInput() || si.encodBins() != s.encodBins()
                    || si.reconBins() != s.reconBins() || si.extInputs() != s.extInputs()
                    || si.hasReadin() != (sessions.size() > 1)) {
                throw new IllegalArgumentException("sessions must share bins, external inputs and the encoder input "
                        + "width, and several sessions need read-ins: " + sessions);
            }
        }
    }

    /** The name of session {@code i}'s read-in tensor {@code part} ("w" or "b"). */
    public static String readinKey(int i, String part) {
        return "readin." + i + "." + part;
    }

    /** The name of session {@code i}'s readout tensor; a single session keeps lfads-torch's plain name. */
    public String readoutKey(int i, String part) {
        return sessions.size() == 1 ? "readout." + part : "readout." + i + "." + part;
    }

    /**
     * Whether tensor {@code name} belongs to a session other than {@code session} (its read-in, readout or
     * observation parameters): a batch of {@code session} leaves it out of the graph, and the optimizer must
     * leave it alone.
     */
    public boolean belongsToOtherSession(String name, int session) {
        if (sessions.size() == 1) {
            return false;
        }
        for (String prefix : new String[] {"readin.", "readout.", "zig."}) {
            if (name.startsWith(prefix)) {
                int dot = name.indexOf('.', prefix.length());
                return dot > 0 && !name.substring(prefix.length(), dot).equals(Integer.toString(session));
            }
        }
        return false;
    }

    /** The first (for single-session models, the only) session's shape. */
    public LfadsShape shape() {
        return s;
    }

    public LfadsShape shape(int session) {
        return sessions.get(session);
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** The first session's observation model. */
    public Observation observation() {
        return observations.get(0);
    }

    public Observation observation(int session) {
        return observations.get(session);
    }

    public MemberParams params() {
        return p;
    }

    /** The recurrent kernels whose L2 norm is penalised, by penalty group. */
    public List<NDArray> recurrentKernels(String group) {
        return switch (group) {
            case "gen" -> List.of(generator.wHh());
            case "con" -> controller == null ? List.of() : List.of(controller.wHh());
            case "ic_enc" -> List.of(icFwd.wHh(), icBwd.wHh());
            case "ci_enc" -> ciFwd == null ? List.of() : List.of(ciFwd.wHh(), ciBwd.wHh());
            default -> throw new IllegalArgumentException(group);
        };
    }

    /**
     * One forward pass.
     *
     * @param encod    held-in data the encoders see {@code [M, B, T, N_in]} (augmented, NaN already zeroed)
     * @param ext      external inputs {@code [M, B, Tr, E]}, or null
     * @param dropout  per-member dropout (off when not training)
     * @param training whether dropout is applied
     * @param sample   whether posteriors are sampled (otherwise their means are used)
     */
    public LfadsOutput forward(NDArray encod, NDArray ext, Dropout dropout, boolean training, boolean sample) {
        return forward(encod, ext, dropout, training, sample, 0);
    }

    /** As {@link #forward(NDArray, NDArray, Dropout, boolean, boolean)} for a batch of session {@code session}. */
    public LfadsOutput forward(NDArray encod, NDArray ext, Dropout dropout, boolean training, boolean sample,
                               int session) {
        NDManager nd = encod.getManager();
        // Read-in (several sessions: into the shared input space), then input dropout.
        NDArray in = sessions.get(session).hasReadin()
                ? Batched.linear(encod, p.get(readinKey(session, "w")), p.get(readinKey(session, "b"))) : encod;
        NDArray x = dropout.apply(in, training);
        int lead = s.icEncSeqLen();
        NDArray icX = lead > 0 ? x.get(":, :, 0:" + lead + ", :") : x;
        NDArray ciX = lead > 0 ? x.get(":, :, " + lead + ":, :") : x;

        // All encoder chains of one width and length run as one stacked loop.
        List<StackedGru.Chain> chains = new ArrayList<>(4);
        chains.add(new StackedGru.Chain(icFwd, icX, p.get("ic_enc.fwd.h0"), false));
        chains.add(new StackedGru.Chain(icBwd, icX, p.get("ic_enc.bwd.h0"), true));
        if (s.hasController()) {
            chains.add(new StackedGru.Chain(ciFwd, ciX, p.get("ci_enc.fwd.h0"), false));
            chains.add(new StackedGru.Chain(ciBwd, ciX, p.get("ci_enc.bwd.h0"), true));
        }
        List<NDArray> seq = runGrouped(chains);

        // Initial condition: final states of both directions -> mean and log-variance -> sample.
        NDArray hF = seq.get(0).get(":, :, -1, :");
        NDArray hB = seq.get(1).get(":, :, 0, :"); // the backward pass ends at bin 0
        NDArray icIn = dropout.apply(hF.concat(hB, 2), training);
        NDArray[] ic = Batched.chunks(Batched.linear(icIn, p.get("ic_linear.w"), p.get("ic_linear.b")), 2);
        NDArray icMean = ic[0];
        NDArray icStd = ic[1].exp().add(c.of(s.icPostVarMin())).sqrt();
        NDArray icSample = sample ? icMean.add(icStd.mul(dropout.noise().normal(nd, icMean.getShape()))) : icMean;

        long m = encod.getShape().get(0);
        long b = encod.getShape().get(1);
        int tr = s.reconBins();
        int g = s.genDim();
        Loop loop = Loop.of(m);
        NDArray genInit = Batched.linear(icSample, p.get("gen_init.w"), p.get("gen_init.b"));
        Loop.Weight facW = loop.weight(normalisedFactorWeights());
        // Dropout masks for the whole sequence, drawn before the loop.
        List<NDArray> genMask = training ? loop.steps(dropout.mask(nd, new Shape(m, b, tr, g))) : null;
        NDArray fac = facW.times(loop.enter(dropout.apply(genInit, training)));

        // The generator's input contributions that do not depend on the loop, for every bin at once: the
        // external inputs' projection (bias included), or the bias alone.
        NDArray[] genW = splitRows(generator.wIh(), s.hasController() ? s.coDim() : 0);
        ClippedGru.Inputs genBase = ext == null ? null : ClippedGru.inputs(loop,
                Batched.linear(dropout.apply(ext, training), genW[1], generator.bIh()), g);
        NDArray[] genBias = gateParts(loop.enter(generator.bIh()), g);
        Loop.Weight[] genU = genW[0] == null ? null : gateWeights(loop, genW[0], g);
        ClippedGru.Inputs ciIn = null;
        Loop.Weight[] conFac = null;
        Loop.Weight coLinear = null;
        NDArray coBias = null;
        List<NDArray> facMask = null;
        NDArray con = null;
        if (s.hasController()) {
            NDArray ci = controllerInputs(seq.get(2), seq.get(3), nd);
            NDArray[] conW = splitRows(controller.wIh(), 2 * s.ciEncDim());
            conFac = gateWeights(loop, conW[1], s.conDim());
            if (training) {
                NDList parts = dropout.mask(nd, new Shape(m, b, tr, 2L * s.ciEncDim() + s.facDim()))
                        .split(new long[] {2L * s.ciEncDim()}, 3);
                ci = ci.mul(parts.get(0));
                facMask = loop.steps(parts.get(1));
            }
            ciIn = ClippedGru.inputs(loop, Batched.linear(ci, conW[0], controller.bIh()), s.conDim());
            coLinear = loop.weight(p.get("co_linear.w"));
            coBias = loop.enter(p.get("co_linear.b"));
            con = loop.enter(p.get("controller.h0").broadcast(m, b, s.conDim()));
        }
        // Posterior noise for every bin, drawn before the loop like the masks.
        List<NDArray> coNoise = s.hasController() && sample
                ? loop.steps(dropout.noise().normal(nd, new Shape(m, b, tr, s.coDim()))) : null;
        ClippedGru.Bound genCell = generator.bind(loop);
        ClippedGru.Bound conCell = controller == null ? null : controller.bind(loop);

        NDArray gen = loop.enter(genInit);
        boolean genClips = genCell.clips(gen);
        boolean conClips = conCell != null && conCell.clips(con);
        List<NDArray> gens = new ArrayList<>(tr);
        List<NDArray> facs = new ArrayList<>(tr);
        List<NDArray> us = new ArrayList<>(tr);
        List<NDArray> coMeans = new ArrayList<>(tr);
        List<NDArray> coStds = new ArrayList<>(tr);
        List<NDArray> cons = new ArrayList<>(tr);
        for (int t = 0; t < tr; t++) {
            NDArray xzr = genBase != null ? genBase.zr().get(t) : genBias[0];
            NDArray xn = genBase != null ? genBase.n().get(t) : genBias[1];
            if (conCell != null) {
                // Controller sees this bin's encoding and the previous factors.
                NDArray f = facMask == null ? fac : fac.mul(facMask.get(t));
                con = conCell.step(conFac[0].times(f, ciIn.zr().get(t)), conFac[1].times(f, ciIn.n().get(t)), con,
                        conClips);
                conClips = conClips && conCell.clips(con);
                NDArray[] co = Batched.chunks(coLinear.times(con, coBias), 2);
                NDArray coStd = co[1].mul(c.of(0.5)).exp();
                NDArray u = sample ? co[0].add(coStd.mul(coNoise.get(t))) : co[0];
                xzr = genU[0].times(u, xzr);
                xn = genU[1].times(u, xn);
                us.add(u);
                coMeans.add(co[0]);
                coStds.add(coStd);
                cons.add(con);
            }
            gen = genCell.step(xzr, xn, gen, genClips);
            genClips = genClips && genCell.clips(gen);
            fac = facW.times(genMask == null ? gen : gen.mul(genMask.get(t)));
            gens.add(gen);
            facs.add(fac);
        }
        NDArray factors = loop.stack(facs);
        NDArray raw = Batched.linear(factors, p.get(readoutKey(session, "w")), p.get(readoutKey(session, "b")));
        return new LfadsOutput(raw, factors, loop.stack(gens), genInit, icMean, icStd,
                conCell == null ? null : loop.stack(coMeans), conCell == null ? null : loop.stack(coStds),
                conCell == null ? null : loop.stack(us), conCell == null ? null : loop.stack(cons), session);
    }

    /** The gate (z, r) columns and the candidate columns of a GRU's input weights {@code [M, I, 3H]}, bound for the loop. */
    private static Loop.Weight[] gateWeights(Loop loop, NDArray w, int hidden) {
        NDList parts = w.split(new long[] {2L * hidden}, 2);
        return new Loop.Weight[] {loop.weight(parts.get(0)), loop.weight(parts.get(1))};
    }

    /** A GRU bias in loop layout, split into its gate part and its candidate part. */
    private static NDArray[] gateParts(NDArray bias, int hidden) {
        NDList parts = bias.split(new long[] {2L * hidden}, bias.getShape().dimension() - 1);
        return new NDArray[] {parts.get(0), parts.get(1)};
    }

    /** Runs chains grouped by width and length, each group as one stacked loop; outputs in chain order. */
    private static List<NDArray> runGrouped(List<StackedGru.Chain> chains) {
        NDArray[] out = new NDArray[chains.size()];
        for (int i = 0; i < chains.size(); i++) {
            if (out[i] != null) {
                continue;
            }
            List<Integer> group = new ArrayList<>();
            for (int j = i; j < chains.size(); j++) {
                if (out[j] == null && chains.get(j).cell().hidden() == chains.get(i).cell().hidden()
                        && chains.get(j).input().getShape().get(2) == chains.get(i).input().getShape().get(2)) {
                    group.add(j);
                }
            }
            List<StackedGru.Chain> g = new ArrayList<>();
            group.forEach(j -> g.add(chains.get(j)));
            List<NDArray> res = StackedGru.run(g);
            for (int k = 0; k < group.size(); k++) {
                out[group.get(k)] = res.get(k);
            }
        }
        return List.of(out);
    }

    /** Splits input weights {@code [M, I, 3H]} into the first {@code rows} input rows and the rest. */
    private static NDArray[] splitRows(NDArray w, int rows) {
        if (rows == 0) {
            return new NDArray[] {null, w};
        }
        if (rows == w.getShape().get(1)) {
            return new NDArray[] {w, null};
        }
        NDList parts = w.split(new long[] {rows}, 1);
        return new NDArray[] {parts.get(0), parts.get(1)};
    }

    /** Factor weights with each factor's row (over generator units) scaled to unit L2 norm. */
    NDArray normalisedFactorWeights() {
        NDArray w = p.get("factors.w");
        return w.div(w.square().sum(new int[] {1}, true).sqrt());
    }

    /**
     * The CI encoder's outputs over the recon window {@code [M, B, Tr, 2 H_ci]}: the forward half delayed by
     * ci_lag, the backward half advanced by ci_lag (so neither sees the present bin's own data through the
     * lag), zero at the bins seen only by the IC encoder and at forward-prediction bins.
     */
    private NDArray controllerInputs(NDArray fwd, NDArray bwd, NDManager nd) {
        long m = fwd.getShape().get(0);
        long b = fwd.getShape().get(1);
        int n = (int) fwd.getShape().get(2);
        int lag = Math.min(s.ciLag(), n);
        long h = s.ciEncDim();
        if (lag > 0) {
            NDArray pad = nd.zeros(new Shape(m, b, lag, h));
            fwd = lag == n ? pad : pad.concat(fwd.get(":, :, 0:" + (n - lag) + ", :"), 2);
            bwd = lag == n ? pad : bwd.get(":, :, " + lag + ":, :").concat(pad, 2);
        }
        NDArray ci = fwd.concat(bwd, 3);
        int before = s.icEncSeqLen();
        int after = s.reconBins() - s.encodBins();
        if (before > 0) {
            ci = nd.zeros(new Shape(m, b, before, 2 * h)).concat(ci, 2);
        }
        if (after > 0) {
            ci = ci.concat(nd.zeros(new Shape(m, b, after, 2 * h)), 2);
        }
        return ci;
    }
}
