package org.latentlab.core.synth;

import java.util.SplittableRandom;

/**
 * The random continuous-time network of the LFADS paper, {@code tau dx/dt = -x + gamma J tanh(x) + B u(t)},
 * with {@code J_ij ~ N(0, 1/N)} and {@code B_ik ~ N(0, 1)}, integrated by forward Euler with
 * {@code substeps} steps per bin; {@code u} is held constant over a bin.
 */
final class ChaoticRnn {
    final int units;
    final int inputs;
    private final double[][] j;
    private final double[][] b;
    private final double gamma;
    private final double hOverTau;
    private final int substeps;

    private ChaoticRnn(double[][] j, double[][] b, double gamma, double tauMs, double binMs, int substeps) {
        this.units = j.length;
        this.inputs = b.length == 0 ? 0 : b[0].length;
        this.j = j;
        this.b = b;
        this.gamma = gamma;
        this.hOverTau = binMs / substeps / tauMs;
        this.substeps = substeps;
    }

    /** Draws J (from {@code jRng}) and B (from {@code bRng}); separate streams keep J independent of the inputs. */
    static ChaoticRnn random(int units, int inputs, double gamma, double tauMs, double binMs, int substeps,
                             SplittableRandom jRng, SplittableRandom bRng) {
        double scale = 1.0 / StrictMath.sqrt(units);
        double[][] j = new double[units][units];
        for (int r = 0; r < units; r++) {
            for (int c = 0; c < units; c++) {
                j[r][c] = scale * RandomDraws.gaussian(jRng);
            }
        }
        double[][] b = new double[units][inputs];
        for (int r = 0; r < units; r++) {
            for (int k = 0; k < inputs; k++) {
                b[r][k] = RandomDraws.gaussian(bRng);
            }
        }
        return new ChaoticRnn(j, b, gamma, tauMs, binMs, substeps);
    }

    /**
     * The largest Lyapunov exponent in 1/s, estimated à la Benettin: after {@code warmBins} bins from
     * {@code x0}, a 1e-8 perturbation is followed for {@code chunks} chunks of {@code chunkBins} bins and
     * renormalised after each; the mean log growth rate is returned (negative infinity if it vanishes).
     */
    double lyapunov(double[] x0, int warmBins, int chunks, int chunkBins, double binMs) {
        double[] x = warmBins > 0 ? run(x0, null, warmBins)[warmBins - 1] : x0.clone();
        double[] y = x.clone();
        y[0] += 1e-8;
        double sumLog = 0;
        for (int c = 0; c < chunks; c++) {
            double[] xn = run(x, null, chunkBins)[chunkBins - 1];
            double[] yn = run(y, null, chunkBins)[chunkBins - 1];
            double d = 0;
            for (int i = 0; i < units; i++) {
                d += (xn[i] - yn[i]) * (xn[i] - yn[i]);
            }
            d = StrictMath.sqrt(d);
            if (d == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            sumLog += StrictMath.log(d / 1e-8);
            for (int i = 0; i < units; i++) {
                yn[i] = xn[i] + (yn[i] - xn[i]) * 1e-8 / d;
            }
            x = xn;
            y = yn;
        }
        return sumLog / (chunks * chunkBins * binMs / 1000.0);
    }

    /**
     * Runs {@code time} bins from {@code x0}.
     *
     * @param u per-bin inputs {@code [time][inputs]}, or null for none
     * @return the state {@code x} at the end of each bin, {@code [time][units]}
     */
    double[][] run(double[] x0, double[][] u, int time) {
        double[] x = x0.clone();
        double[] r = new double[units];
        double[] drive = new double[units];
        double[][] out = new double[time][];
        for (int t = 0; t < time; t++) {
            // The input current B u_t is constant over the bin.
            for (int i = 0; i < units; i++) {
                double s = 0;
                if (u != null) {
                    for (int k = 0; k < inputs; k++) {
                        s += b[i][k] * u[t][k];
                    }
                }
                drive[i] = s;
            }
            for (int step = 0; step < substeps; step++) {
                for (int i = 0; i < units; i++) {
                    r[i] = StrictMath.tanh(x[i]);
                }
                for (int i = 0; i < units; i++) {
                    double[] ji = j[i];
                    double s = 0;
                    for (int c = 0; c < units; c++) {
                        s += ji[c] * r[c];
                    }
                    x[i] += hOverTau * (-x[i] + gamma * s + drive[i]);
                }
            }
            out[t] = x.clone();
        }
        return out;
    }
}
