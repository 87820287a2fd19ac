package org.latentlab.core.eval;

/** Special functions the metrics need. */
public final class SpecialFunctions {
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private SpecialFunctions() {
    }

    /**
     * {@code ln Γ(x)} for {@code x > 0}, by the Lanczos approximation (g = 7, 9 terms; relative error about
     * 1e-15) for {@code x ≥ 0.5}:
     * {@code ln Γ(x) = ln √(2π) + (z + ½) ln(z + g + ½) − (z + g + ½) + ln A_g(z)} with {@code z = x − 1} and
     * {@code A_g(z) = c₀ + Σ_{k=1..8} c_k / (z + k)}; below 0.5 by the reflection formula
     * {@code ln Γ(x) = ln(π / sin(πx)) − ln Γ(1 − x)}. NaN gives NaN, +∞ gives +∞.
     *
     * @throws IllegalArgumentException for {@code x ≤ 0}
     */
    public static double lnGamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x <= 0) {
            throw new IllegalArgumentException("lnGamma needs x > 0, got " + x);
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        for (int k = 1; k < LANCZOS.length; k++) {
            a += LANCZOS[k] / (z + k);
        }
        double t = z + LANCZOS_G + 0.5;
        return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
