package org.latentlab.core.synth;

import java.util.SplittableRandom;

/**
 * One trial of the pulse-discrimination task on the {@link MurrayModel}, forward Euler at
 * {@code binMs / substeps}. Draws, in this order from the trial's own generator: the initial state (4
 * exponentials with mean {@code icMean}, clipped to [0, 1]), the initial OU noise (4 draws from its stationary
 * law), the pulse onsets of PPC1's then PPC2's train, then the noise increments step by step.
 */
final class TwoAreaTrial {

    /**
     * @param gating   S at the end of each bin, {@code [time][4]} (PPC1, PPC2, PFC1, PFC2)
     * @param stimulus the pulse current into PPC1 and PPC2 averaged over each bin, nA, {@code [time][2]}
     */
    record Result(double[][] gating, double[][] stimulus) {
    }

    private TwoAreaTrial() {
    }

    static Result simulate(TwoAreaGenerator g, double[][] j, double hz1, double hz2, SplittableRandom rng) {
        MurrayModel m = g.model();
        int time = g.bins();
        int steps = time * g.substeps();
        double hMs = g.binMs() / g.substeps();
        double hS = hMs / 1000.0;
        double tauS = m.tauMs() / 1000.0;

        double[] s = new double[4];
        for (int p = 0; p < 4; p++) {
            s[p] = Math.min(1.0, RandomDraws.exponential(rng, g.icMean()));
        }
        // Ornstein-Uhlenbeck noise, exact discretisation: stationary sd noiseSigma, correlation time noiseTau.
        double decay = StrictMath.exp(-hMs / g.noiseTauMs());
        double kick = g.noiseSigma() * StrictMath.sqrt(1.0 - decay * decay);
        double[] noise = new double[4];
        for (int p = 0; p < 4; p++) {
            noise[p] = g.noiseSigma() * RandomDraws.gaussian(rng);
        }
        double[][] stim = {pulseTrain(g, hz1, steps, hMs, rng), pulseTrain(g, hz2, steps, hMs, rng)};

        double[][] gating = new double[time][];
        double[][] stimulus = new double[time][2];
        double[] current = new double[4];
        for (int k = 0; k < steps; k++) {
            // I = S J + I_0 + I_app + I_noise (row vector S; J rows are "from")
            for (int to = 0; to < 4; to++) {
                double sum = m.i0() + noise[to] + (to < 2 ? stim[to][k] : 0.0);
                for (int from = 0; from < 4; from++) {
                    sum += s[from] * j[from][to];
                }
                current[to] = sum;
            }
            for (int p = 0; p < 4; p++) {
                double ds = -s[p] / tauS + m.gamma() * (1.0 - s[p]) * m.rate(current[p]);
                s[p] = Math.max(0.0, Math.min(1.0, s[p] + hS * ds));
                noise[p] = decay * noise[p] + kick * RandomDraws.gaussian(rng);
            }
            int bin = k / g.substeps();
            stimulus[bin][0] += stim[0][k] / g.substeps();
            stimulus[bin][1] += stim[1][k] / g.substeps();
            if ((k + 1) % g.substeps() == 0) {
                gating[bin] = s.clone();
            }
        }
        return new Result(gating, stimulus);
    }

    /**
     * A Poisson train at {@code hz} over the stimulus period; each pulse is a box of {@code pulseHeight} nA
     * lasting {@code pulseMs} from its onset (causal; overlapping pulses add), cut at the end of the stimulus.
     * Returns the current at each Euler step (the value at the step's start time).
     */
    private static double[] pulseTrain(TwoAreaGenerator g, double hz, int steps, double hMs, SplittableRandom rng) {
        double[] out = new double[steps];
        if (hz <= 0) {
            return out;
        }
        double start = g.fixationMs();
        double end = g.fixationMs() + g.stimulusMs();
        int endStep = (int) Math.min(steps, Math.round(end / hMs));
        double meanGapMs = 1000.0 / hz;
        for (double t = start + RandomDraws.exponential(rng, meanGapMs); t < end;
             t += RandomDraws.exponential(rng, meanGapMs)) {
            int from = (int) Math.ceil(t / hMs - 1e-9);
            int to = Math.min(endStep, (int) Math.ceil((t + g.pulseMs()) / hMs - 1e-9));
            for (int k = from; k < to; k++) {
                out[k] += g.pulseHeight();
            }
        }
        return out;
    }
}
