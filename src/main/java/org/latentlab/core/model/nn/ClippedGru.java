package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * lfads-torch's ClippedGRUCell over the member axis. Gate order (z, r, n); the reset gate multiplies the
 * state before the recurrent matmul (TF's reset_after=False, unlike fused GRU kernels); the recurrent bias
 * is frozen at zero and so left out; the new state is clipped to {@code [-clip, clip]}:
 * <pre>
 *   z = sigma(x W_iz + b_iz + h W_hz)     r = sigma(x W_ir + b_ir + h W_hr)
 *   n = tanh(x W_in + b_in + (r * h) W_hn)
 *   h' = clamp(z * h + (1 - z) * n, -clip, clip)
 * </pre>
 * Input projections do not depend on the state, so {@link #project} computes them for every time step in
 * one matmul before the recurrent loop, and {@link Bound#step} does only the recurrent part.
 *
 * @param wIh  {@code [M, I, 3H]}
 * @param bIh  {@code [M, 1, 3H]}
 * @param wHh  {@code [M, H, 3H]}
 */
public record ClippedGru(NDArray wIh, NDArray bIh, NDArray wHh, float clip, int hidden) {

    /**
     * Creates the parameters with lfads-torch's initialisation: weights N(0, 1/fanIn) with separate fans
     * for decoder cells (input for W_ih, hidden for W_hh) or a shared fan input+hidden for encoder GRUs;
     * z and r biases 1, candidate bias 0.
     */
    public static ClippedGru create(MemberParams p, String name, int input, int hidden, float clip, boolean encoderInit) {
        double stdIh = 1 / Math.sqrt(encoderInit ? input + hidden : input);
        double stdHh = 1 / Math.sqrt(encoderInit ? input + hidden : hidden);
        NDArray wIh = p.normal(name + ".w_ih", stdIh, input, 3L * hidden);
        NDArray bIh = p.fill(name + ".b_ih", new long[] {1, 3L * hidden}, (r, i) -> i < 2 * hidden ? 1f : 0f, true);
        NDArray wHh = p.normal(name + ".w_hh", stdHh, hidden, 3L * hidden);
        return new ClippedGru(wIh, bIh, wHh, clip, hidden);
    }

    /** Input projections {@code x W_ih + b_ih} for all steps: {@code [M, B, T, I] -> [M, B, T, 3H]}. */
    public NDArray project(NDArray x) {
        return Batched.linear(x, wIh, bIh);
    }

    /**
     * Binds the recurrent weights for a loop in layout {@code loop}, split once per forward pass into the gate
     * part and the candidate part (not once per time step: every slice is a graph node that backward must
     * visit).
     */
    public Bound bind(Loop loop) {
        return bind(loop, wHh, clip, hidden);
    }

    /** Binds recurrent weights {@code [M', H, 3H]}, e.g. several cells stacked along the member axis. */
    public static Bound bind(Loop loop, NDArray wHh, float clip, int hidden) {
        NDList w = wHh.split(new long[] {2L * hidden}, 2);
        return new Bound(loop.weight(w.get(0)), loop.weight(w.get(1)), clip, hidden);
    }

    /**
     * Projected inputs {@code [M', B, T, 3H]} as loop-layout steps of their gate part ({@code [.., B, 2H]}) and
     * their candidate part ({@code [.., B, H]}), split for the whole sequence before the loop.
     */
    public static Inputs inputs(Loop loop, NDArray xp, int hidden) {
        NDList parts = xp.split(new long[] {2L * hidden}, 3);
        return new Inputs(loop.steps(parts.get(0)), loop.steps(parts.get(1)));
    }

    /** Per step, the input's contribution to the z and r gates and to the candidate, biases included. */
    public record Inputs(List<NDArray> zr, List<NDArray> n) {
    }

    /** The cell with its recurrent weights split into the gate part and the candidate part. */
    public record Bound(Loop.Weight wHzr, Loop.Weight wHn, float clip, int hidden) {
        /**
         * One step from the input contributions {@code xzr} ({@code [.., B, 2H]}) and {@code xn}
         * ({@code [.., B, H]}) and the state {@code h} ({@code [.., B, H]}). The z and r gates go through one
         * sigmoid together; each recurrent product adds the input contribution in the same op.
         *
         * @param clipping whether to apply the clip; pass {@link #clips(NDArray)} of {@code h}
         */
        public NDArray step(NDArray xzr, NDArray xn, NDArray h, boolean clipping) {
            NDList zr = Activation.sigmoid(wHzr.times(h, xzr)).split(2, h.getShape().dimension() - 1);
            NDArray z = zr.get(0);
            NDArray n = wHn.times(zr.get(1).mul(h), xn).tanh();
            // h' = z h + (1 - z) n = n + z (h - n): one op fewer than the textbook form
            NDArray next = n.add(z.mul(h.sub(n)));
            return clipping ? next.clip(-clip, clip) : next;
        }

        /**
         * Whether the clip can bind on a step from state {@code h}. The new state is a convex mix of {@code h}
         * and a tanh, so once every entry of a state is within {@code [-clip, clip]} (and the clip is at least
         * 1) no later state leaves it: the clip is then the identity and is left out of the graph, together with
         * its backward node, for the rest of the loop. It binds only after an initial state out of range.
         */
        public boolean clips(NDArray h) {
            // A NaN entry compares false, so it does not keep the clip (and a read-back every step) on; the clip
            // would leave it NaN anyway.
            return clip < 1 || h.abs().gt(clip).any().getBoolean();
        }
    }
}
