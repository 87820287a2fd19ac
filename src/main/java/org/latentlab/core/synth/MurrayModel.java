package org.latentlab.core.synth;

/**
 * The two-area (PPC, PFC) NMDA-gating model of Murray, Jaramillo and Wang (2017), as re-implemented in
 * {@code felixp8/neural-population-dynamics} ({@code datasets/murraytwoarea/model.py}); the defaults are that
 * code's. State order is {@code [PPC1, PPC2, PFC1, PFC2]}; each population has a gating variable S in [0, 1]:
 * <pre>
 *   dS/dt = -S / tau + gamma (1 - S) f(I),     I = S J + I_0 + I_app + I_noise   (row vector S)
 *   f(I)  = (a I - b) / (1 - exp(-c (a I - b)))   (Wong-Wang; the limit 1/c where a I = b)
 * </pre>
 * Each 2x2 block of J is built from a "structure" J_S and a "tone" J_T as
 * {@code [[(J_S + J_T)/2, (J_T - J_S)/2], [(J_T - J_S)/2, (J_S + J_T)/2]]}; J[i][j] couples population i to
 * population j (rows: from, columns: to).
 *
 * @param a      gain of f, Hz/nA (270)
 * @param b      offset of f, Hz (108)
 * @param c      curvature of f, s (0.154)
 * @param tauMs  NMDA time constant, ms (60)
 * @param gamma  saturation factor (0.641)
 * @param i0     background current, nA (0.334)
 * @param ppcJs  PPC structure (0.35): self 0.316935, cross -0.033065 with ppcJt
 * @param ppcJt  PPC tone (0.28387)
 * @param pfcJs  PFC structure (0.4182)
 * @param pfcJt  PFC tone (0.28387)
 * @param ffJs   PPC to PFC structure (0.15: +-0.075)
 * @param ffJt   PPC to PFC tone (0)
 * @param fbJs   PFC to PPC structure (0.04: +-0.02; 0 without feedback; -0.04 for negative feedback)
 * @param fbJt   PFC to PPC tone (0; -0.08 for negative feedback)
 */
public record MurrayModel(double a, double b, double c, double tauMs, double gamma, double i0, double ppcJs,
                          double ppcJt, double pfcJs, double pfcJt, double ffJs, double ffJt, double fbJs,
                          double fbJt) {

    public MurrayModel {
        String k = TwoAreaGenerator.KIND;
        SynthOptions.finite(k, "a", a);
        SynthOptions.finite(k, "b", b);
        SynthOptions.positive(k, "c", c);
        SynthOptions.positive(k, "tau-ms", tauMs);
        if (!(gamma > 0 && gamma <= 1)) {
            SynthOptions.fail(k, "gamma", "must be in (0, 1], got " + gamma);
        }
        SynthOptions.finite(k, "i0", i0);
        SynthOptions.finite(k, "ppc-js", ppcJs);
        SynthOptions.finite(k, "ppc-jt", ppcJt);
        SynthOptions.finite(k, "pfc-js", pfcJs);
        SynthOptions.finite(k, "pfc-jt", pfcJt);
        SynthOptions.finite(k, "ff-js", ffJs);
        SynthOptions.finite(k, "ff-jt", ffJt);
        SynthOptions.finite(k, "fb-js", fbJs);
        SynthOptions.finite(k, "fb-jt", fbJt);
    }

    /** The reference parameters, with positive feedback. */
    public static MurrayModel defaults() {
        return new MurrayModel(270, 108, 0.154, 60, 0.641, 0.334, 0.35, 0.28387, 0.4182, 0.28387, 0.15, 0, 0.04, 0);
    }

    /** A copy with the PFC-to-PPC block replaced. */
    public MurrayModel withFeedback(double js, double jt) {
        return new MurrayModel(a, b, c, tauMs, gamma, i0, ppcJs, ppcJt, pfcJs, pfcJt, ffJs, ffJt, js, jt);
    }

    /**
     * The transfer function f(I) in Hz for a current in nA. Near {@code a I = b} the quotient is 0/0; there
     * it is replaced by its series {@code 1/c + x/2 + c x^2/12} (x = a I - b), exact to rounding for |c x| below
     * 1e-5.
     */
    public double rate(double current) {
        double x = a * current - b;
        double cx = c * x;
        if (Math.abs(cx) < 1e-5) {
            return 1.0 / c + x / 2.0 + c * x * x / 12.0;
        }
        return x / -StrictMath.expm1(-cx);
    }

    /** One 2x2 block from a structure and a tone. */
    public static double[][] block(double js, double jt) {
        double self = (js + jt) / 2.0;
        double cross = (jt - js) / 2.0;
        return new double[][] {{self, cross}, {cross, self}};
    }

    /** The 4x4 coupling J in the row-vector convention (rows: from, columns: to), order PPC1, PPC2, PFC1, PFC2. */
    public double[][] coupling() {
        double[][] j = new double[4][4];
        put(j, 0, 0, block(ppcJs, ppcJt));
        put(j, 0, 2, block(ffJs, ffJt));
        put(j, 2, 0, block(fbJs, fbJt));
        put(j, 2, 2, block(pfcJs, pfcJt));
        return j;
    }

    private static void put(double[][] j, int row, int col, double[][] blk) {
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 2; k++) {
                j[row + r][col + k] = blk[r][k];
            }
        }
    }
}
