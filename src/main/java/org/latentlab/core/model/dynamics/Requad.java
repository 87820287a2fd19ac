package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;
import org.latentlab.core.model.nn.Consts;

/**
 * φ(c) = requad(c) − 1 with requad(c) = ½(c + √(4 + c²)), the smooth rectifier iLQR-VAE's gated units use:
 * φ(0) = 0, φ' = ½(1 + c/√(4 + c²)) ∈ (0, 1).
 */
final class Requad {
    private Requad() {
    }

    static double phi(double c) {
        return 0.5 * (c + Math.sqrt(4 + c * c)) - 1;
    }

    static double dphi(double c) {
        return 0.5 * (1 + c / Math.sqrt(4 + c * c));
    }

    static NDArray phi(NDArray c, Consts k) {
        return c.add(c.square().add(k.of(4)).sqrt()).mul(k.of(0.5)).sub(k.one());
    }

    static NDArray dphi(NDArray c, Consts k) {
        return c.div(c.square().add(k.of(4)).sqrt()).add(k.one()).mul(k.of(0.5));
    }
}
