package org.latentlab.core.model.ilqrvae;

import org.latentlab.core.config.Link;

/**
 * −log p(o_j | x) of one bin on the host (up to terms constant in x) with its gradient and Gauss-Newton
 * Hessian in x: the state part of the iLQR cost. η = x·C + b over the channels the solver sees.
 * The Hessian is exact in η for every likelihood here (Poisson with exp or softplus link, Gaussian):
 * Cᵀ·diag(∂²ℓ/∂η²)·C, with ∂²ℓ/∂η² ≥ 0.
 *
 * @param c    readout, input-major {@code [n][channels]}
 * @param b    bias per channel
 * @param kind what the channels are
 * @param gain per-channel gain (Poisson softplus) or variance (Gaussian); unused for Poisson exp
 */
record HostObservation(int n, int channels, double[] c, double[] b, Kind kind, double[] gain) {
    enum Kind { POISSON_EXP, POISSON_SOFTPLUS, GAUSSIAN }

    static Kind kind(boolean poisson, Link link) {
        return !poisson ? Kind.GAUSSIAN : link == Link.EXP ? Kind.POISSON_EXP : Kind.POISSON_SOFTPLUS;
    }

    private void eta(double[] x, double[] out) {
        org.latentlab.core.model.dynamics.Host.rowTimes(x, c, channels, b, out);
    }

    /** The NLL of bin {@code j} of {@code o} ({@code [T][channels]} flat) at state x. */
    double value(double[] o, int j, double[] x) {
        double[] eta = new double[channels];
        eta(x, eta);
        double v = 0;
        int base = j * channels;
        for (int ch = 0; ch < channels; ch++) {
            double e = eta[ch];
            double y = o[base + ch];
            switch (kind) {
                case POISSON_EXP -> v += Math.exp(e) - y * e;
                case POISSON_SOFTPLUS -> {
                    double lam = gain[ch] * softplus(e);
                    v += lam - y * Math.log(lam);
                }
                case GAUSSIAN -> v += 0.5 * (y - e) * (y - e) / gain[ch];
            }
        }
        return v;
    }

    /** Adds the gradient (n) to {@code g} and the Hessian (n×n) to {@code h}. */
    void derivatives(double[] o, int j, double[] x, double[] g, double[] h) {
        double[] eta = new double[channels];
        eta(x, eta);
        double[] d1 = new double[channels];
        double[] d2 = new double[channels];
        int base = j * channels;
        for (int ch = 0; ch < channels; ch++) {
            double e = eta[ch];
            double y = o[base + ch];
            switch (kind) {
                case POISSON_EXP -> {
                    double lam = Math.exp(e);
                    d1[ch] = lam - y;
                    d2[ch] = lam;
                }
                case POISSON_SOFTPLUS -> {
                    double s = 1 / (1 + Math.exp(-e));
                    double sp = softplus(e);
                    d1[ch] = gain[ch] * s - y * s / sp;
                    d2[ch] = gain[ch] * s * (1 - s) - y * (s * (1 - s) / sp - s * s / (sp * sp));
                }
                case GAUSSIAN -> {
                    d1[ch] = (e - y) / gain[ch];
                    d2[ch] = 1 / gain[ch];
                }
            }
        }
        double[] cw = new double[channels];
        for (int i = 0; i < n; i++) {
            int ci = i * channels;
            double gi = 0;
            for (int ch = 0; ch < channels; ch++) {
                gi += c[ci + ch] * d1[ch];
                cw[ch] = c[ci + ch] * d2[ch];
            }
            g[i] += gi;
            for (int k = i; k < n; k++) {
                int ck = k * channels;
                double s = 0;
                for (int ch = 0; ch < channels; ch++) {
                    s += cw[ch] * c[ck + ch];
                }
                h[i * n + k] += s;
                if (k != i) {
                    h[k * n + i] += s;
                }
            }
        }
    }

    static double softplus(double e) {
        return e > 30 ? e : Math.log1p(Math.exp(e));
    }
}
