package org.latentlab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.model.nn.Dropout;
import org.latentlab.core.model.nn.MemberParams;

/**
 * AdamW with everything per member: the learning rate is a tensor along the member axis, gradients are
 * clipped by each member's own global norm, and the step count is per member so PBT can copy one member's
 * optimizer state onto another. State lives beside the parameters, outside the per-step scope.
 * <pre>
 *   g <- g * min(1, maxNorm / |g|_member)
 *   m <- b1 m + (1 - b1) g ;  v <- b2 v + (1 - b2) g^2 ;  t <- t + 1
 *   p <- p - lr_member (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps) - lr_member wd p
 * </pre>
 */
public final class MemberAdamW {
    private final MemberParams params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final float[] steps;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps;

    public MemberAdamW(MemberParams params, double eps) {
        this.params = params;
        this.eps = eps;
        this.steps = new float[params.members()];
        NDManager nd = params.manager();
        params.trainable().forEach((name, p) -> {
            m.put(name, nd.zeros(p.getShape()));
            v.put(name, nd.zeros(p.getShape()));
        });
    }

    /**
     * One update of every member from the gradients backward left on the parameters, which are then zeroed.
     *
     * @return each member's gradient norm before clipping
     */
    public float[] step(float[] lr, float[] weightDecay, double maxGradNorm) {
        boolean[] all = new boolean[params.members()];
        java.util.Arrays.fill(all, true);
        return step(lr, weightDecay, maxGradNorm, all);
    }

    /**
     * As {@link #step(float[], float[], double)}, but members with {@code update[m] == false} (a non-finite
     * loss) are left exactly as they were: weights, moments and step count.
     */
    public float[] step(float[] lr, float[] weightDecay, double maxGradNorm, boolean[] update) {
        return step(lr, weightDecay, maxGradNorm, update, name -> false);
    }

    /**
     * As {@link #step(float[], float[], double, boolean[])}, leaving the parameters {@code idle} names exactly as
     * they are (no moment update, no weight decay): another session's read-in and readout, which the step's
     * batch did not touch. Adam would otherwise keep moving them on their old momentum.
     */
    public float[] step(float[] lr, float[] weightDecay, double maxGradNorm, boolean[] update,
                        java.util.function.Predicate<String> idle) {
        int members = params.members();
        NDManager nd = params.manager();
        boolean partial = false;
        for (boolean u : update) {
            partial |= !u;
        }
        try (NDManager s = nd.newSubManager()) {
            Map<String, NDArray> grads = new LinkedHashMap<>();
            NDArray sq = s.zeros(new Shape(members));
            Map<String, NDArray> active = new LinkedHashMap<>();
            params.trainable().forEach((k, p) -> {
                if (!idle.test(k)) {
                    active.put(k, p);
                }
            });
            for (Map.Entry<String, NDArray> e : active.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(s);
                grads.put(e.getKey(), g);
                sq = sq.add(g.square().reshape(members, -1).sum(new int[] {1}));
            }
            float[] norms = sq.sqrt().toFloatArray();
            float[] scale = new float[members];
            float[] lrT = new float[members];
            float[] bc2 = new float[members];
            float[] decay = new float[members];
            float[] keep = new float[members];
            for (int k = 0; k < members; k++) {
                keep[k] = update[k] ? 1f : 0f;
                if (!update[k]) {
                    scale[k] = 0f;
                    bc2[k] = 1f;
                    decay[k] = 1f;
                    continue;
                }
                scale[k] = Float.isFinite(norms[k]) && norms[k] > maxGradNorm ? (float) (maxGradNorm / norms[k]) : 1f;
                steps[k]++;
                // Bias corrections folded into the step size: lr / (1 - b1^t), and sqrt(1 - b2^t) on v.
                lrT[k] = (float) (lr[k] / (1 - Math.pow(beta1, steps[k])));
                bc2[k] = (float) Math.sqrt(1 - Math.pow(beta2, steps[k]));
                decay[k] = 1f - lr[k] * weightDecay[k];
            }
            for (Map.Entry<String, NDArray> e : active.entrySet()) {
                String name = e.getKey();
                NDArray p = e.getValue();
                int rank = p.getShape().dimension();
                NDArray g = grads.get(name);
                if (partial) { // a skipped member's gradient may hold NaN, which 0 * NaN would spread
                    g = NDArrays.where(Dropout.broadcastMember(s.create(keep), rank).gt(0f).broadcast(g.getShape()),
                            g, s.zeros(g.getShape()));
                }
                g = g.mul(Dropout.broadcastMember(s.create(scale), rank));
                NDArray mm = m.get(name);
                NDArray vv = v.get(name);
                NDArray oldM = partial ? mm.duplicate() : null;
                NDArray oldV = partial ? vv.duplicate() : null;
                mm.muli(beta1).addi(g.mul(1 - beta1));
                vv.muli(beta2).addi(g.square().mul(1 - beta2));
                NDArray denom = vv.sqrt().div(Dropout.broadcastMember(s.create(bc2), rank)).add(eps);
                NDArray update1 = mm.div(denom).mul(Dropout.broadcastMember(s.create(lrT), rank));
                p.muli(Dropout.broadcastMember(s.create(decay), rank)).subi(update1);
                if (partial) { // restore the skipped members' moments
                    NDArray k = Dropout.broadcastMember(s.create(keep), rank);
                    NDArray back = k.neg().add(1f);
                    mm.muli(k).addi(oldM.mul(back));
                    vv.muli(k).addi(oldV.mul(back));
                }
                zero(grads.get(name), partial);
            }
            return norms;
        }
    }

    /** Zeroes a gradient for the next backward; {@code g - g} is cheapest but leaves NaN where NaN was. */
    private static void zero(NDArray g, boolean mayHoldNaN) {
        if (mayHoldNaN) {
            g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
        } else {
            g.subi(g);
        }
    }

    /** One member's optimizer state: moments by parameter name and its step count. */
    public record MemberState(Map<String, float[]> first, Map<String, float[]> second, float steps) {
    }

    public MemberState memberState(int member) {
        return new MemberState(MemberParams.slice(m, member), MemberParams.slice(v, member), steps[member]);
    }

    public void setMemberState(int member, MemberState state) {
        MemberParams.setSlice(m, member, state.first());
        MemberParams.setSlice(v, member, state.second());
        steps[member] = state.steps();
    }

    /** Copies member {@code from}'s moments and step count onto member {@code to} (PBT exploit). */
    public void copyMember(int from, int to) {
        MemberParams.copySlice(m, from, to);
        MemberParams.copySlice(v, from, to);
        steps[to] = steps[from];
    }

    /** Optimizer state for checkpoints: first and second moments by parameter name, and the step counts. */
    public Map<String, NDArray> firstMoments() {
        return m;
    }

    public Map<String, NDArray> secondMoments() {
        return v;
    }

    public float[] stepCounts() {
        return steps;
    }

    public void setStepCounts(float[] counts) {
        System.arraycopy(counts, 0, steps, 0, steps.length);
    }
}
