package org.latentlab.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

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
 * one matmul before the recurrent loop, and {@link #step} does only the recurrent part.
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
     * Splits the recurrent weights once per forward pass (not once per time step: every slice is a graph
     * node that backward must visit).
     */
    public Bound bind() {
        return bind(wHh, clip, hidden);
    }

    /** Binds recurrent weights {@code [M', H, 3H]}, e.g. several cells stacked along the member axis. */
    public static Bound bind(NDArray wHh, float clip, int hidden) {
        NDList w = wHh.split(new long[] {2L * hidden}, 2);
        return new Bound(w.get(0), w.get(1), clip, hidden);
    }

    /** The cell with its recurrent weights split into the gate part and the candidate part. */
    public record Bound(NDArray wHzr, NDArray wHn, float clip, int hidden) {
        /**
         * One step from the projected input {@code xp} ({@code [M, B, 3H]}) and state {@code h} ({@code [M, B, H]}).
         * The z and r gates go through one sigmoid together.
         */
        public NDArray step(NDArray xp, NDArray h) {
            long[] at = {2L * hidden};
            NDList x = xp.split(at, 2);
            NDList zr = Activation.sigmoid(x.get(0).add(Batched.mm(h, wHzr))).split(2, 2);
            NDArray z = zr.get(0);
            NDArray n = x.get(1).add(Batched.mm(zr.get(1).mul(h), wHn)).tanh();
            // h' = z h + (1 - z) n = n + z (h - n): one op fewer than the textbook form
            return n.add(z.mul(h.sub(n))).clip(-clip, clip);
        }
    }
}
