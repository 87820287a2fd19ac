package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.latentlab.core.config.DynamicsFamily;
import org.latentlab.core.model.nn.Consts;
import org.latentlab.core.model.nn.MemberParams;

/**
 * A dynamics family on the engine: its parameters, the differentiable step x' = f(x, u) on batches
 * ({@code x [B, n]}, {@code u [B, m]}), the Jacobian-vector product J_x·dx + J_u·du (what the implicit
 * gradient of the iLQR solution needs, differentiable in the weights), and a {@link HostDynamics} snapshot
 * for the solver. Weights are stored input-major ({@code [in, out]}), so a step is {@code x.matMul(W)}.
 */
public interface Dynamics {
    /** The effective weights of this step (parameter transforms applied), by name, without the member axis. */
    Map<String, NDArray> weights();

    NDArray step(Map<String, NDArray> w, NDArray x, NDArray u);

    /** The next state and the tangent J_x·dx + J_u·du, from one evaluation of the step's intermediates. */
    Tangent tangent(Map<String, NDArray> w, NDArray x, NDArray u, NDArray dx, NDArray du);

    /** x' = f(x, u) and its directional derivative along (dx, du). */
    record Tangent(NDArray next, NDArray dNext) {
    }

    /** A copy of the weights {@code w} on the host, for the solver. */
    HostDynamics host(Map<String, NDArray> w);

    /** Names of the parameters that take the L2 penalty (the state-to-state weights). */
    List<String> recurrent();

    /**
     * Defines the family's parameters in {@code params} (member count 1) with their initial values.
     */
    static Dynamics create(DynamicsFamily family, MemberParams params, int n, int m, Consts c) {
        if (family instanceof DynamicsFamily.Linear l) {
            return new StableLinear(params, n, m, l, c);
        }
        if (family instanceof DynamicsFamily.ClippedGru g) {
            return new GatedClippedGru(params, n, m, g.cellClip(), c);
        }
        return new Mgu(params, n, m, c, family instanceof DynamicsFamily.Mgu2);
    }
}
