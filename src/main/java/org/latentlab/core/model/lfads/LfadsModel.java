package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.model.distributions.Observation;
import org.latentlab.core.model.nn.Batched;
import org.latentlab.core.model.nn.ClippedGru;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.Dropout;
import org.latentlab.core.model.nn.MemberParams;

/**
 * LFADS as lfads-torch builds it, with a member axis on every parameter: a bidirectional IC encoder gives
 * the generator's initial condition; a bidirectional CI encoder feeds a controller whose sampled outputs
 * drive the generator; factors are a row-normalised projection of the generator state; a readout maps
 * factors to the observation model's parameters. Shapes: {@code [M, B, T, channels]}.
 */
public final class LfadsModel {
    private final LfadsShape s;
    private final Observation observation;
    private final MemberParams p;
    private final Consts c;
    private final ClippedGru icFwd;
    private final ClippedGru icBwd;
    private final ClippedGru ciFwd;
    private final ClippedGru ciBwd;
    private final ClippedGru controller;
    private final ClippedGru generator;

    public LfadsModel(LfadsShape s, Observation observation, MemberParams p, Consts c) {
        this.s = s;
        this.observation = observation;
        this.p = p;
        this.c = c;
        icFwd = ClippedGru.create(p, "ic_enc.fwd", s.heldIn(), s.icEncDim(), s.cellClip(), true);
        icBwd = ClippedGru.create(p, "ic_enc.bwd", s.heldIn(), s.icEncDim(), s.cellClip(), true);
        p.constant("ic_enc.fwd.h0", 0, 1, s.icEncDim());
        p.constant("ic_enc.bwd.h0", 0, 1, s.icEncDim());
        p.normal("ic_linear.w", 1 / Math.sqrt(2.0 * s.icEncDim()), 2L * s.icEncDim(), 2L * s.icDim());
        p.constant("ic_linear.b", 0, 1, 2L * s.icDim());
        if (s.hasController()) {
            ciFwd = ClippedGru.create(p, "ci_enc.fwd", s.heldIn(), s.ciEncDim(), s.cellClip(), true);
            ciBwd = ClippedGru.create(p, "ci_enc.bwd", s.heldIn(), s.ciEncDim(), s.cellClip(), true);
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
        int width = observation.paramsPerChannel() * s.recon();
        p.normal("readout.w", 1 / Math.sqrt(s.facDim()), s.facDim(), width);
        p.constant("readout.b", 0, 1, width);
        p.constant("ic_prior.mean", 0, 1, s.icDim());
        p.frozen("ic_prior.log_var", Math.log(s.icPriorVar()), 1, s.icDim());
    }

    public LfadsShape shape() {
        return s;
    }

    public Observation observation() {
        return observation;
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
        NDArray x = dropout.apply(encod, training);
        int lead = s.icEncSeqLen();
        NDArray icX = lead > 0 ? x.get(":, :, 0:" + lead + ", :") : x;

        // Initial condition: final states of both directions -> mean and log-variance -> sample.
        List<NDArray> fwdStates = run(icFwd, icX, p.get("ic_enc.fwd.h0"), false);
        NDArray hF = fwdStates.get(fwdStates.size() - 1);
        NDArray hB = run(icBwd, icX, p.get("ic_enc.bwd.h0"), true).get(0); // the backward pass ends at bin 0
        NDArray icIn = dropout.apply(hF.concat(hB, 2), training);
        NDArray[] ic = Batched.chunks(Batched.linear(icIn, p.get("ic_linear.w"), p.get("ic_linear.b")), 2);
        NDArray icMean = ic[0];
        NDArray icStd = ic[1].exp().add(c.of(s.icPostVarMin())).sqrt();
        NDArray icSample = sample ? icMean.add(icStd.mul(icMean.getManager().randomNormal(icMean.getShape()))) : icMean;

        // Controller inputs: the CI encoder's sequence, lagged, padded to the recon window.
        List<NDArray> ci = s.hasController() ? controllerInputs(lead > 0 ? x.get(":, :, " + lead + ":, :") : x) : null;
        List<NDArray> extSteps = ext == null ? null : steps(dropout.apply(ext, training));

        NDArray genInit = Batched.linear(icSample, p.get("gen_init.w"), p.get("gen_init.b"));
        NDArray facW = normalisedFactorWeights();
        NDArray gen = genInit;
        NDArray fac = dropout.apply(genInit, training).matMul(facW);
        NDArray con = s.hasController() ? p.get("controller.h0").broadcast(shapeOf(gen, s.conDim())) : null;
        ClippedGru.Bound genCell = generator.bind();
        ClippedGru.Bound conCell = controller == null ? null : controller.bind();

        int tr = s.reconBins();
        List<NDArray> gens = new ArrayList<>(tr);
        List<NDArray> facs = new ArrayList<>(tr);
        List<NDArray> us = new ArrayList<>(tr);
        List<NDArray> coMeans = new ArrayList<>(tr);
        List<NDArray> coStds = new ArrayList<>(tr);
        List<NDArray> cons = new ArrayList<>(tr);
        for (int t = 0; t < tr; t++) {
            List<NDArray> genIn = new ArrayList<>(2);
            if (conCell != null) {
                // Controller sees this bin's encoding and the previous factors.
                NDArray conIn = dropout.apply(ci.get(t).concat(fac, 2), training);
                con = conCell.step(controller.project(conIn), con);
                NDArray[] co = Batched.chunks(Batched.linear(con, p.get("co_linear.w"), p.get("co_linear.b")), 2);
                NDArray coStd = co[1].mul(c.of(0.5)).exp();
                NDArray u = sample ? co[0].add(coStd.mul(co[0].getManager().randomNormal(co[0].getShape()))) : co[0];
                genIn.add(u);
                us.add(u);
                coMeans.add(co[0]);
                coStds.add(coStd);
                cons.add(con);
            }
            if (extSteps != null) {
                genIn.add(extSteps.get(t));
            }
            NDArray in = genIn.isEmpty() ? zeros(gen, 1) : genIn.size() == 1 ? genIn.get(0)
                    : NDArrays.concat(new NDList(genIn), 2);
            gen = genCell.step(generator.project(in), gen);
            fac = dropout.apply(gen, training).matMul(facW);
            gens.add(gen);
            facs.add(fac);
        }
        NDArray factors = stack(facs);
        NDArray raw = Batched.linear(factors, p.get("readout.w"), p.get("readout.b"));
        return new LfadsOutput(raw, factors, stack(gens), genInit, icMean, icStd,
                conCell == null ? null : stack(coMeans), conCell == null ? null : stack(coStds),
                conCell == null ? null : stack(us), conCell == null ? null : stack(cons));
    }

    /** Factor weights with each factor's row (over generator units) scaled to unit L2 norm. */
    NDArray normalisedFactorWeights() {
        NDArray w = p.get("factors.w");
        return w.div(w.square().sum(new int[] {1}, true).sqrt());
    }

    /**
     * The CI encoder's outputs per recon bin {@code [M, B, 2 H_ci]}: the forward half delayed by ci_lag, the
     * backward half advanced by ci_lag (so neither sees the present bin's own data through the lag), zero at
     * the bins seen only by the IC encoder and at forward-prediction bins.
     */
    private List<NDArray> controllerInputs(NDArray ciX) {
        List<NDArray> fwd = run(ciFwd, ciX, p.get("ci_enc.fwd.h0"), false);
        List<NDArray> bwd = run(ciBwd, ciX, p.get("ci_enc.bwd.h0"), true);
        int n = fwd.size();
        int lag = s.ciLag();
        NDArray zero = zeros(fwd.get(0), s.ciEncDim());
        List<NDArray> out = new ArrayList<>(s.reconBins());
        NDArray zeroBoth = zero.concat(zero, 2);
        for (int t = 0; t < s.icEncSeqLen(); t++) {
            out.add(zeroBoth);
        }
        for (int t = 0; t < n; t++) {
            NDArray f = t - lag >= 0 ? fwd.get(t - lag) : zero;
            NDArray b = t + lag < n ? bwd.get(t + lag) : zero;
            out.add(f.concat(b, 2));
        }
        while (out.size() < s.reconBins()) {
            out.add(zeroBoth);
        }
        return out;
    }

    /**
     * Runs a GRU over {@code x} ({@code [M, B, T, I]}) from {@code h0} ({@code [M, 1, H]}); outputs per bin,
     * aligned to the input's bins (the backward direction's output at t has seen bins t..T-1).
     */
    private List<NDArray> run(ClippedGru gru, NDArray x, NDArray h0, boolean backward) {
        List<NDArray> xs = steps(gru.project(x));
        ClippedGru.Bound cell = gru.bind();
        NDArray h = h0.broadcast(shapeOf(xs.get(0), gru.hidden()));
        NDArray[] out = new NDArray[xs.size()];
        for (int k = 0; k < xs.size(); k++) {
            int t = backward ? xs.size() - 1 - k : k;
            h = cell.step(xs.get(t), h);
            out[t] = h;
        }
        return List.of(out);
    }

    /** Splits the time axis once (indexing one bin at a time makes backward quadratic in T). */
    static List<NDArray> steps(NDArray x) {
        long t = x.getShape().get(2);
        NDList parts = x.split(t, 2);
        List<NDArray> out = new ArrayList<>((int) t);
        for (NDArray a : parts) {
            out.add(a.squeeze(2));
        }
        return out;
    }

    private static NDArray stack(List<NDArray> xs) {
        return NDArrays.stack(new NDList(xs), 2);
    }

    private static Shape shapeOf(NDArray like, long width) {
        return new Shape(like.getShape().get(0), like.getShape().get(1), width);
    }

    private NDArray zeros(NDArray like, long width) {
        return like.getManager().zeros(shapeOf(like, width));
    }
}
