package org.latentlab.core.model.ilqrvae;

/** The few dense operations the LQR recursions need, on row-major double arrays. */
final class Dense {
    private Dense() {
    }

    /** {@code out (r×c) = aᵀ (r×k stored k×r) · b (k×c)}. */
    static void atb(double[] a, double[] b, int k, int r, int c, double[] out) {
        java.util.Arrays.fill(out, 0, r * c, 0);
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < r; i++) {
                double v = a[l * r + i];
                if (v == 0) {
                    continue;
                }
                int o = i * c;
                int bl = l * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] += v * b[bl + j];
                }
            }
        }
    }

    /** {@code out (r×c) = a (r×k) · b (k×c)}. */
    static void ab(double[] a, double[] b, int r, int k, int c, double[] out) {
        java.util.Arrays.fill(out, 0, r * c, 0);
        for (int i = 0; i < r; i++) {
            int o = i * c;
            for (int l = 0; l < k; l++) {
                double v = a[i * k + l];
                if (v == 0) {
                    continue;
                }
                int bl = l * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] += v * b[bl + j];
                }
            }
        }
    }

    /** {@code out (r) = aᵀ (k×r) · v (k)}. */
    static void atv(double[] a, double[] v, int k, int r, double[] out) {
        java.util.Arrays.fill(out, 0, r, 0);
        for (int l = 0; l < k; l++) {
            double s = v[l];
            if (s == 0) {
                continue;
            }
            for (int i = 0; i < r; i++) {
                out[i] += s * a[l * r + i];
            }
        }
    }

    /** {@code out (r) = a (r×k) · v (k)}. */
    static void av(double[] a, double[] v, int r, int k, double[] out) {
        for (int i = 0; i < r; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) {
                s += a[i * k + l] * v[l];
            }
            out[i] = s;
        }
    }

    /**
     * The lower Cholesky factor of the symmetric m×m matrix {@code a} into {@code l}; false when {@code a} is
     * not (numerically) positive definite.
     */
    static boolean cholesky(double[] a, int m, double[] l) {
        java.util.Arrays.fill(l, 0, m * m, 0);
        for (int j = 0; j < m; j++) {
            double d = a[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * m + k] * l[j * m + k];
            }
            if (!(d > 1e-12 * Math.max(1, Math.abs(a[j * m + j])))) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[j * m + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double s = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = s / ljj;
            }
        }
        return true;
    }

    /** Solves {@code (L Lᵀ) x = b} in place for each of the {@code cols} columns of {@code b} (m×cols). */
    static void cholSolve(double[] l, int m, double[] b, int cols) {
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < m; i++) {
                double s = b[i * cols + c];
                for (int k = 0; k < i; k++) {
                    s -= l[i * m + k] * b[k * cols + c];
                }
                b[i * cols + c] = s / l[i * m + i];
            }
            for (int i = m - 1; i >= 0; i--) {
                double s = b[i * cols + c];
                for (int k = i + 1; k < m; k++) {
                    s -= l[k * m + i] * b[k * cols + c];
                }
                b[i * cols + c] = s / l[i * m + i];
            }
        }
    }

    static double dot(double[] a, double[] b, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
