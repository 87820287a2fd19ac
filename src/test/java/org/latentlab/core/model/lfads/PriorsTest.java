package org.latentlab.core.model.lfads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.latentlab.core.engine.TorchEngine;
import org.latentlab.core.model.nn.Consts;

/**
 * The analytic Gaussian KL equals a Monte Carlo estimate, and the single-sample AR(1) estimator averages
 * to the exact KL between a diagonal Gaussian over a short sequence and the AR(1) process (computed in
 * closed form from the prior's covariance in Java).
 */
class PriorsTest {
    @Test
    void analyticGaussianKlEqualsMonteCarlo() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            int n = 200_000;
            float[] mu = {0.3f, -1.2f};
            float[] sd = {0.5f, 1.7f};
            NDArray m = nd.create(mu, new Shape(1, 1, 2));
            NDArray s = nd.create(sd, new Shape(1, 1, 2));
            NDArray pm = nd.create(new float[] {0.1f, -0.4f}, new Shape(1, 1, 2));
            NDArray plv = nd.create(new float[] {(float) Math.log(0.1), (float) Math.log(0.1)}, new Shape(1, 1, 2));
            float analytic = Priors.klGaussian(m, s, pm, plv, c).getFloat(0);
            // Monte Carlo: E_q[log q - log p] with n samples per dimension.
            NDArray eps = nd.randomNormal(new Shape(1, n, 2));
            NDArray x = eps.mul(s).add(m);
            NDArray logQ = Priors.gaussianLogDensity(x, m, s.log().mul(c.of(2)), c);
            NDArray logP = Priors.gaussianLogDensity(x, pm, plv, c);
            float mc = logQ.sub(logP).sum(new int[] {2}).mean().getFloat();
            assertEquals(analytic, mc, 0.02 * analytic);
        }
    }

    @Test
    void autoregressiveKlEstimatorAveragesToTheExactKl() {
        TorchEngine.get();
        try (NDManager nd = NDManager.newBaseManager()) {
            Consts c = new Consts(nd);
            int t = 4;
            int n = 100_000;
            double tau = 3.0;
            double nvar = 0.2;
            double[] mu = {0.4, -0.1, 0.7, 0.2};
            double[] sd = {0.3, 0.5, 0.4, 0.6};
            float[] muF = new float[t];
            float[] sdF = new float[t];
            for (int i = 0; i < t; i++) {
                muF[i] = (float) mu[i];
                sdF[i] = (float) sd[i];
            }
            NDArray m = nd.create(muF, new Shape(1, 1, t, 1)).broadcast(1, n, t, 1);
            NDArray s = nd.create(sdF, new Shape(1, 1, t, 1)).broadcast(1, n, t, 1);
            NDArray u = nd.randomNormal(new Shape(1, n, t, 1)).mul(s).add(m);
            NDArray logTau = nd.create(new float[] {(float) Math.log(tau)}, new Shape(1, 1, 1, 1));
            NDArray logNvar = nd.create(new float[] {(float) Math.log(nvar)}, new Shape(1, 1, 1, 1));
            float mc = Priors.klAutoregressive(u, m, s, logTau, logNvar, c).getFloat(0);
            assertEquals(exactKl(mu, sd, tau, nvar), mc, 0.01 * exactKl(mu, sd, tau, nvar) + 0.01);
        }
    }

    /** KL(N(mu, diag sd^2) || N(0, Sigma_AR1)) = (tr(P S) + mu' P mu - t + log det Sigma - log det S) / 2. */
    static double exactKl(double[] mu, double[] sd, double tau, double nvar) {
        int t = mu.length;
        double a = Math.exp(-1 / tau);
        // Precision of the stationary AR(1) chain: tridiagonal.
        double[][] p = new double[t][t];
        for (int i = 0; i < t; i++) {
            p[i][i] = (i == 0 || i == t - 1 ? 1 : 1 + a * a) / nvar;
            if (i + 1 < t) {
                p[i][i + 1] = -a / nvar;
                p[i + 1][i] = -a / nvar;
            }
        }
        if (t == 1) {
            p[0][0] = (1 - a * a) / nvar;
        }
        double trace = 0;
        double quad = 0;
        for (int i = 0; i < t; i++) {
            trace += p[i][i] * sd[i] * sd[i];
            for (int j = 0; j < t; j++) {
                quad += mu[i] * p[i][j] * mu[j];
            }
        }
        // det Sigma = var0 * nvar^(t-1) with var0 = nvar / (1 - a^2)
        double logDetSigma = Math.log(nvar / (1 - a * a)) + (t - 1) * Math.log(nvar);
        double logDetS = 0;
        for (double s : sd) {
            logDetS += 2 * Math.log(s);
        }
        return 0.5 * (trace + quad - t + logDetSigma - logDetS);
    }
}
