package org.latentlab.core.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.latentlab.core.data.Session;

/**
 * The LFADS Lorenz benchmark (Sussillo et al. 2016; Pandarinath et al. 2018): a 3-D Lorenz system observed
 * through exponential-Poisson neurons.
 *
 * <p>Recipe, step by step:
 * <ol>
 *   <li>{@code conditions} initial states, uniform in {@code x, y in [-15, 15], z in [5, 40]}, each run for
 *       {@code burnIn} bins and discarded, so the trajectories start on the attractor.</li>
 *   <li>{@code dx/dt = sigma (y - x), dy/dt = x (rho - z) - y, dz/dt = x y - beta z}, integrated with RK4;
 *       one bin advances Lorenz time by {@code dt} in {@code substeps} RK4 steps of {@code dt / substeps}.
 *       Bin {@code t} holds the state after {@code t + 1} such advances.</li>
 *   <li>Trial {@code i} belongs to condition {@code i mod conditions}: trials of a condition share the latent
 *       trajectory and differ only in their Poisson noise.</li>
 *   <li>Latents are z-scored per dimension over every trial and bin (population sd); the means and sds are
 *       recorded in the attributes {@code synth.lorenz.latent_mean} and {@code synth.lorenz.latent_sd}.</li>
 *   <li>Neuron {@code n}: {@code rate_n(t) = base_n * exp(g_n * d_n . z(t))} in Hz, with {@code base_n}
 *       uniform in [{@code baseMin}, {@code baseMax}] (its rate at the latent mean), {@code d_n} a uniformly
 *       random unit direction and the gain {@code g_n} set so the neuron's largest rate over the dataset is
 *       {@code peak_n}, uniform in [{@code peakMin}, {@code peakMax}]. Defaults: base 5-15 Hz, peak 50-100 Hz,
 *       which puts troughs near 0.3-4 Hz.</li>
 *   <li>Counts ~ Poisson(rate * binMs / 1000).</li>
 * </ol>
 *
 * @param trials        total trials (default 400 = 20 conditions x 20 trials)
 * @param conditions    distinct initial conditions (default 20)
 * @param time          bins per trial (default 100)
 * @param neurons       observed neurons (default 30)
 * @param binMs         bin width in ms (default 10); sets only the rate-to-count scale
 * @param dt            Lorenz time per bin (default 0.006, so a 100-bin trial spans about one loop)
 * @param substeps      RK4 steps per bin (default 6, step 0.001)
 * @param burnIn        bins integrated and discarded before bin 0 (default 500, i.e. 3 Lorenz time units)
 * @param sigma         Lorenz sigma (default 10)
 * @param rho           Lorenz rho (default 28)
 * @param beta          Lorenz beta (default 8/3)
 * @param baseMin       lowest baseline rate, Hz (default 5)
 * @param baseMax       highest baseline rate, Hz (default 15)
 * @param peakMin       lowest per-neuron peak rate, Hz (default 50)
 * @param peakMax       highest per-neuron peak rate, Hz (default 100)
 * @param validFraction fraction of each condition's trials in valid (default 0.2)
 * @param testFraction  fraction of each condition's trials in test (default 0)
 * @param neuronSeed    seed of the neurons' baselines, peaks and directions alone; 0 (the default) draws them
 *                      from the run's seed. Files with the same seed and different neuron seeds observe the
 *                      same trajectories (conditions) through different neurons: sessions of one experiment
 */
public record LorenzGenerator(int trials, int conditions, int time, int neurons, double binMs, double dt,
                              int substeps, int burnIn, double sigma, double rho, double beta, double baseMin,
                              double baseMax, double peakMin, double peakMax, double validFraction,
                              double testFraction, long neuronSeed) implements SyntheticGenerator {

    public static final String KIND = "lorenz";

    public LorenzGenerator {
        SynthOptions.atLeast(KIND, "conditions", conditions, 1);
        SynthOptions.atLeast(KIND, "trials", trials, conditions);
        SynthOptions.atLeast(KIND, "time", time, 2);
        SynthOptions.atLeast(KIND, "neurons", neurons, 1);
        SynthOptions.positive(KIND, "bin-ms", binMs);
        SynthOptions.positive(KIND, "dt", dt);
        SynthOptions.atLeast(KIND, "substeps", substeps, 1);
        SynthOptions.atLeast(KIND, "burn-in", burnIn, 0);
        SynthOptions.finite(KIND, "sigma", sigma);
        SynthOptions.finite(KIND, "rho", rho);
        SynthOptions.finite(KIND, "beta", beta);
        SynthOptions.positive(KIND, "base-min", baseMin);
        if (!(baseMax >= baseMin)) {
            SynthOptions.fail(KIND, "base-max", "must be >= base-min (" + baseMin + "), got " + baseMax);
        }
        if (!(peakMin > baseMax)) {
            SynthOptions.fail(KIND, "peak-min", "must exceed base-max (" + baseMax + "), got " + peakMin);
        }
        if (!(peakMax >= peakMin) || !Double.isFinite(peakMax)) {
            SynthOptions.fail(KIND, "peak-max", "must be >= peak-min (" + peakMin + "), got " + peakMax);
        }
        SynthOptions.fractions(KIND, validFraction, testFraction);
    }

    /** The LFADS benchmark's settings (see the class comment). */
    public static LorenzGenerator defaults() {
        return new LorenzGenerator(400, 20, 100, 30, 10, 0.006, 6, 500, 10, 28, 8.0 / 3.0, 5, 15, 50, 100, 0.2, 0, 0);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("trials", Integer.toString(trials));
        o.put("conditions", Integer.toString(conditions));
        o.put("time", Integer.toString(time));
        o.put("neurons", Integer.toString(neurons));
        o.put("bin-ms", SynthOptions.num(binMs));
        o.put("dt", SynthOptions.num(dt));
        o.put("substeps", Integer.toString(substeps));
        o.put("burn-in", Integer.toString(burnIn));
        o.put("sigma", SynthOptions.num(sigma));
        o.put("rho", SynthOptions.num(rho));
        o.put("beta", SynthOptions.num(beta));
        o.put("base-min", SynthOptions.num(baseMin));
        o.put("base-max", SynthOptions.num(baseMax));
        o.put("peak-min", SynthOptions.num(peakMin));
        o.put("peak-max", SynthOptions.num(peakMax));
        o.put("valid-fraction", SynthOptions.num(validFraction));
        o.put("test-fraction", SynthOptions.num(testFraction));
        o.put("neuron-seed", Long.toString(neuronSeed));
        return o;
    }

    static LorenzGenerator fromOptions(SynthOptions o) {
        return new LorenzGenerator(o.integer("trials"), o.integer("conditions"), o.integer("time"),
                o.integer("neurons"), o.real("bin-ms"), o.real("dt"), o.integer("substeps"), o.integer("burn-in"),
                o.real("sigma"), o.real("rho"), o.real("beta"), o.real("base-min"), o.real("base-max"),
                o.real("peak-min"), o.real("peak-max"), o.real("valid-fraction"), o.real("test-fraction"),
                o.integer("neuron-seed"));
    }

    /** The Lorenz vector field with this generator's sigma, rho and beta. */
    Rk4.Field field() {
        return (x, out) -> {
            out[0] = sigma * (x[1] - x[0]);
            out[1] = x[0] * (rho - x[2]) - x[1];
            out[2] = x[0] * x[1] - beta * x[2];
        };
    }

    @Override
    public Session generate(long seed, String name) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom seedReadout = root.split();
        SplittableRandom readoutRng = neuronSeed == 0 ? seedReadout : new SplittableRandom(neuronSeed);
        SplittableRandom icRng = root.split();
        SplittableRandom spikeRng = root.split();
        SplittableRandom splitRng = root.split();

        // 1-2. One raw trajectory per condition, after the burn-in.
        double[][][] raw = new double[conditions][time][];
        Rk4 rk4 = new Rk4(field(), 3);
        double h = dt / substeps;
        for (int c = 0; c < conditions; c++) {
            double[] x = {RandomDraws.uniform(icRng, -15, 15), RandomDraws.uniform(icRng, -15, 15),
                RandomDraws.uniform(icRng, 5, 40)};
            rk4.advance(x, h, burnIn * substeps);
            for (int t = 0; t < time; t++) {
                rk4.advance(x, h, substeps);
                raw[c][t] = x.clone();
            }
        }
        int[] cond = new int[trials];
        for (int i = 0; i < trials; i++) {
            cond[i] = i % conditions;
        }
        // 4. z-score over every trial and bin (conditions weighted by their trial counts).
        double[] mean = new double[3];
        double[] sd = new double[3];
        Stats.meanSd(raw, cond, mean, sd);
        double[][][] z = new double[conditions][time][3];
        for (int c = 0; c < conditions; c++) {
            for (int t = 0; t < time; t++) {
                for (int d = 0; d < 3; d++) {
                    z[c][t][d] = (raw[c][t][d] - mean[d]) / sd[d];
                }
            }
        }
        // 5. Exponential readout, calibrated per neuron so its peak over the dataset is peak_n.
        double[][] w = new double[neurons][3];
        double[] base = new double[neurons];
        for (int n = 0; n < neurons; n++) {
            base[n] = RandomDraws.uniform(readoutRng, baseMin, baseMax);
            double peak = RandomDraws.uniform(readoutRng, peakMin, peakMax);
            double[] d = unitVector(readoutRng);
            double maxProj = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < conditions; c++) {
                for (int t = 0; t < time; t++) {
                    maxProj = Math.max(maxProj, dot(d, z[c][t]));
                }
            }
            double gain = StrictMath.log(peak / base[n]) / maxProj;
            for (int k = 0; k < 3; k++) {
                w[n][k] = gain * d[k];
            }
        }
        float[][][] rateOut = new float[trials][time][neurons];
        float[][][] latentOut = new float[trials][time][3];
        for (int i = 0; i < trials; i++) {
            for (int t = 0; t < time; t++) {
                double[] zt = z[cond[i]][t];
                for (int n = 0; n < neurons; n++) {
                    rateOut[i][t][n] = (float) (base[n] * StrictMath.exp(dot(w[n], zt)));
                }
                for (int d = 0; d < 3; d++) {
                    latentOut[i][t][d] = (float) zt[d];
                }
            }
        }
        Stats.requireFinite(KIND, rateOut);
        return new SessionAssembler(this, seed, binMs)
                .counts(SessionAssembler.poissonCounts(rateOut, binMs, spikeRng))
                .ratesHz(rateOut)
                .latents(latentOut, "Lorenz state (x, y, z), z-scored per dimension over all trials and bins")
                .conditions(cond)
                .attribute("synth.lorenz.latent_mean", Stats.join(mean))
                .attribute("synth.lorenz.latent_sd", Stats.join(sd))
                .build(name, validFraction, testFraction, splitRng);
    }

    private static double[] unitVector(SplittableRandom rng) {
        double[] d = {RandomDraws.gaussian(rng), RandomDraws.gaussian(rng), RandomDraws.gaussian(rng)};
        double norm = StrictMath.sqrt(dot(d, d));
        for (int k = 0; k < 3; k++) {
            d[k] /= norm;
        }
        return d;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
