package org.latentlab.core.model.ilqrvae;

/**
 * −log p(u_k) of the input prior on the host, up to a constant, with its gradient and Hessian: the input
 * part of the iLQR cost. Steps {@code k < beginSteps} are the initial-condition steps.
 */
interface HostPrior {
    double value(int k, double[] u);

    /** Adds the gradient to {@code g} (m) and the Hessian to {@code h} (m×m). */
    void derivatives(int k, double[] u, double[] g, double[] h);

    /** u ~ N(0, diag(s²)), with std {@code first·s} on the initial-condition steps. */
    record Gaussian(int beginSteps, double[] scale, double first) implements HostPrior {
        private double std(int k, int c) {
            return k < beginSteps ? first * scale[c] : scale[c];
        }

        @Override
        public double value(int k, double[] u) {
            double v = 0;
            for (int c = 0; c < u.length; c++) {
                double z = u[c] / std(k, c);
                v += 0.5 * z * z;
            }
            return v;
        }

        @Override
        public void derivatives(int k, double[] u, double[] g, double[] h) {
            int m = u.length;
            for (int c = 0; c < m; c++) {
                double p = 1 / (std(k, c) * std(k, c));
                g[c] += u[c] * p;
                h[c * m + c] += p;
            }
        }
    }

    /**
     * Multivariate Student-t with ν degrees of freedom and scale σ = √((ν−2)/ν)·s per channel (so the
     * covariance is s²), −log p = ((ν+m)/2)·ln(1 + ‖u/σ‖²/ν) + const; Gaussian with std {@code firstStd} on the
     * initial-condition steps. The Hessian can be indefinite; the solver's regulariser handles that.
     */
    record StudentT(int beginSteps, double[] scale, double dof, double[] firstStd) implements HostPrior {
        private double sigma(int c) {
            return Math.sqrt((dof - 2) / dof) * scale[c];
        }

        @Override
        public double value(int k, double[] u) {
            int m = u.length;
            if (k < beginSteps) {
                double v = 0;
                for (int c = 0; c < m; c++) {
                    double z = u[c] / firstStd[c];
                    v += 0.5 * z * z;
                }
                return v;
            }
            double r2 = 0;
            for (int c = 0; c < m; c++) {
                double z = u[c] / sigma(c);
                r2 += z * z;
            }
            return 0.5 * (dof + m) * Math.log1p(r2 / dof);
        }

        @Override
        public void derivatives(int k, double[] u, double[] g, double[] h) {
            int m = u.length;
            if (k < beginSteps) {
                for (int c = 0; c < m; c++) {
                    double p = 1 / (firstStd[c] * firstStd[c]);
                    g[c] += u[c] * p;
                    h[c * m + c] += p;
                }
                return;
            }
            double[] z = new double[m];
            double r2 = 0;
            for (int c = 0; c < m; c++) {
                z[c] = u[c] / sigma(c);
                r2 += z[c] * z[c];
            }
            double q = dof + r2;
            double w = (dof + m) / q;
            for (int c = 0; c < m; c++) {
                double sc = sigma(c);
                g[c] += w * z[c] / sc;
                for (int d = 0; d < m; d++) {
                    double sd = sigma(d);
                    double v = -2 * w / q * z[c] * z[d] / (sc * sd);
                    if (c == d) {
                        v += w / (sc * sc);
                    }
                    h[c * m + d] += v;
                }
            }
        }
    }
}
