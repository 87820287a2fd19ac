package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.latentlab.core.model.nn.Consts;

/**
 * lfads-torch's objective, per member:
 * <pre>
 *   loss = loss_scale * (recon + ramp_l2 * l2 + ramp_kl * (kl_ic_scale KL_ic + kl_co_scale KL_co))
 *   recon = mean NLL over observed (non-NaN) batch, bins and recon channels (SBTT's rescaling), or with
 *           recon_reduce_mean off the NLL summed over bins and channels, averaged over the batch
 *   l2    = sum_k s_k 0.5 |W_hh,k|^2 / sum_{k: s_k > 0} numel(W_hh,k)  (+ the observation model's penalty)
 * </pre>
 * With coordinated dropout, the reconstruction gradient flows only through the entries hidden from the
 * encoder; the loss value itself is unchanged.
 */
public final class LfadsLoss {
    private LfadsLoss() {
    }

    /** Every term per member ({@code [M]}); {@code total} is what backward starts from (summed over members). */
    public record Terms(NDArray total, NDArray recon, NDArray l2, NDArray klIc, NDArray klCo) {
    }

    /**
     * @param data     recon data {@code [M, B, Tr, N]} with NaN replaced by 0
     * @param observed 1 where data was observed, 0 where it was NaN, or null when all was observed
     * @param gradMask coordinated dropout's gradient mask (1 where the gradient flows), or null
     */
    public static Terms compute(LfadsModel model, LfadsOutput out, NDArray data, NDArray observed, NDArray gradMask,
                                MemberHyper h, double rampL2, double rampKl, double lossScale, boolean reduceMean,
                                Consts c) {
        NDManager nd = data.getManager();
        NDArray nll = model.observation(out.session()).nll(out.raw(), data, c);
        NDArray recon = reconstruction(nll, observed, gradMask, reduceMean, c);

        NDArray l2 = l2(model, h, nd, c);
        NDArray penalty = model.observation(out.session()).penalty(c);
        if (penalty != null) {
            l2 = l2.add(penalty);
        }
        LfadsShape s = model.shape();
        var p = model.params();
        NDArray klIc = Priors.klGaussian(out.icMean(), out.icStd(), p.get("ic_prior.mean"),
                p.get("ic_prior.log_var"), c);
        NDArray kl = klIc.mul(MemberHyper.tensor(nd, h.klIc()));
        NDArray klCo = null;
        if (s.hasController()) {
            klCo = Priors.klAutoregressive(out.inputs(), out.coMean(), out.coStd(), p.get("co_prior.log_tau"),
                    p.get("co_prior.log_nvar"), c);
            kl = kl.add(klCo.mul(MemberHyper.tensor(nd, h.klCo())));
        }
        NDArray total = recon.add(l2.mul(c.of(rampL2))).add(kl.mul(c.of(rampKl))).mul(c.of(lossScale));
        return new Terms(total, recon, l2, klIc, klCo == null ? nd.zeros(recon.getShape()) : klCo);
    }

    /**
     * The reconstruction term per member from per-element NLL {@code [M, B, T, N]}: coordinated dropout's
     * gradient mask (the value is unchanged, the gradient flows only where the mask is 1) and SBTT's
     * observed mask (unobserved entries neither count nor pass gradients).
     */
    public static NDArray reconstruction(NDArray nll, NDArray observed, NDArray gradMask, boolean reduceMean, Consts c) {
        if (gradMask != null) {
            nll = nll.mul(gradMask).add(nll.stopGradient().mul(c.one().sub(gradMask)));
        }
        int[] inner = {1, 2, 3};
        // Mean over batch, bins and channels (lfads-torch's default), or summed over bins and channels and
        // averaged over the batch; either way only observed entries count (SBTT).
        long batch = nll.getShape().get(1);
        double perMember = (double) nll.size() / nll.getShape().get(0);
        NDArray summed = (observed == null ? nll : nll.mul(observed)).sum(inner);
        if (observed == null) {
            return summed.div(c.of(reduceMean ? perMember : batch));
        }
        NDArray count = observed.sum(inner).maximum(c.one());
        return reduceMean ? summed.div(count) : summed.div(count).mul(c.of(perMember / batch));
    }

    /** The L2 penalty on recurrent kernels, normalised by the element count of the penalised ones. */
    static NDArray l2(LfadsModel model, MemberHyper h, NDManager nd, Consts c) {
        String[] groups = {"gen", "con", "ic_enc", "ci_enc"};
        float[][] scales = {h.l2Gen(), h.l2Con(), h.l2IcEnc(), h.l2CiEnc()};
        int m = h.members();
        NDArray sum = nd.zeros(new ai.djl.ndarray.types.Shape(m));
        float[] count = new float[m];
        for (int g = 0; g < groups.length; g++) {
            List<NDArray> kernels = model.recurrentKernels(groups[g]);
            NDArray scale = kernels.isEmpty() ? null : MemberHyper.tensor(nd, scales[g]);
            for (NDArray w : kernels) {
                long perMember = w.size() / m;
                NDArray sq = w.square().reshape(m, -1).sum(new int[] {1}).mul(c.of(0.5));
                sum = sum.add(sq.mul(scale));
                for (int k = 0; k < m; k++) {
                    if (scales[g][k] > 0) {
                        count[k] += perMember;
                    }
                }
            }
        }
        for (int k = 0; k < m; k++) {
            count[k] = Math.max(count[k], 1);
        }
        return sum.div(nd.create(count));
    }
}
