package org.latentlab.core.train;

import ai.djl.ndarray.NDArray;
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
     * One update from the gradients backward left on the parameters, which are then zeroed.
     *
     * @return each member's gradient norm before clipping
     */
    public float[] step(float[] lr, float[] weightDecay, double maxGradNorm) {
        int members = params.members();
        NDManager nd = params.manager();
        try (NDManager s = nd.newSubManager()) {
            Map<String, NDArray> grads = new LinkedHashMap<>();
            NDArray sq = s.zeros(new Shape(members));
            for (Map.Entry<String, NDArray> e : params.trainable().entrySet()) {
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
            for (int k = 0; k < members; k++) {
                scale[k] = Float.isFinite(norms[k]) && norms[k] > maxGradNorm ? (float) (maxGradNorm / norms[k]) : 1f;
                steps[k]++;
                // Bias corrections folded into the step size: lr / (1 - b1^t), and sqrt(1 - b2^t) on v.
                lrT[k] = (float) (lr[k] / (1 - Math.pow(beta1, steps[k])));
                bc2[k] = (float) Math.sqrt(1 - Math.pow(beta2, steps[k]));
                decay[k] = 1f - lr[k] * weightDecay[k];
            }
            for (Map.Entry<String, NDArray> e : params.trainable().entrySet()) {
                String name = e.getKey();
                NDArray p = e.getValue();
                int rank = p.getShape().dimension();
                NDArray g = grads.get(name).mul(Dropout.broadcastMember(s.create(scale), rank));
                NDArray mm = m.get(name);
                NDArray vv = v.get(name);
                mm.muli(beta1).addi(g.mul(1 - beta1));
                vv.muli(beta2).addi(g.square().mul(1 - beta2));
                NDArray denom = vv.sqrt().div(Dropout.broadcastMember(s.create(bc2), rank)).add(eps);
                NDArray update = mm.div(denom).mul(Dropout.broadcastMember(s.create(lrT), rank));
                p.muli(Dropout.broadcastMember(s.create(decay), rank)).subi(update);
                grads.get(name).subi(grads.get(name)); // zero the gradient for the next backward
            }
            return norms;
        }
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
