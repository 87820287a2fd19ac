package org.latentlab.core.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.latentlab.core.data.Session;

/**
 * The LFADS paper's chaotic network (Sussillo et al. 2016, {@code generate_chaotic_rnn_data.py}), with or
 * without input pulses ({@code chaotic-rnn} / {@code chaotic-rnn-inputs}).
 *
 * <p>Recipe:
 * <ol>
 *   <li>{@code tau dx/dt = -x + gamma J tanh(x) + B u(t)} with {@code units} units, {@code J_ij ~ N(0, 1/N)},
 *       {@code B_ik ~ N(0, 1)}, forward Euler with {@code substeps} steps per bin (the paper took one
 *       10 ms step per bin, {@code dt/tau = 0.4}; 1 ms steps follow the continuous system closely).</li>
 *   <li>Chaos check: J is redrawn (up to {@code maxDraws} times, then the most chaotic draw is kept) until the
 *       largest Lyapunov exponent, estimated over 10 s from a random start, is at least {@code minLyapunov}
 *       per second; the estimate and the draw used are recorded in {@code synth.rnn.lyapunov_per_s} and
 *       {@code synth.rnn.network_draw}.</li>
 *   <li>Condition {@code c} starts from {@code x0_c ~ N(0, x0Std^2 I)}; trial {@code i} belongs to condition
 *       {@code i mod conditions} and shares its initial state.</li>
 *   <li>Inputs ({@code inputs > 0}): the trial is cut into {@code round(time / pulseInterval)} (at least 1)
 *       equal segments; in each segment every input channel gets one pulse, at a bin drawn uniformly from the
 *       middle half of the segment, independently per trial. A pulse is {@code u = pulseMagnitude} for that
 *       one bin (zero elsewhere), so it kicks the state by about {@code (binMs / tau) * magnitude * B}
 *       = 8 B with the defaults, as in the paper. With the default 100 bins and interval 100 this is the
 *       paper's one pulse in [T/4, 3T/4). {@code inputsTruth} holds u per bin (u_t is applied while
 *       producing bin t).</li>
 *   <li>Latents truth = {@code tanh(x)} of every unit at the end of each bin, {@code [trials, time, units]}.</li>
 *   <li>Neuron n observes unit n (the first {@code neurons} units, as the paper's subset sampling):
 *       {@code rate = maxRate * (tanh(x) + 1) / 2} Hz. The paper instead min-max normalised each trial and
 *       unit, which shifts identical trajectories differently per trial; a fixed map keeps truth consistent.</li>
 *   <li>Counts ~ Poisson(rate * binMs / 1000).</li>
 * </ol>
 *
 * <p>Why 100 units at gain 2.5 rather than the paper's 50 at 1.5: measured with this integrator (largest
 * Lyapunov exponent over 20 s, 20 random networks), 0 of 20 networks of 50 units at gain 1.5 are chaotic
 * (they settle on limit cycles or fixed points), and 2 to 3 of 20 at gains 2 to 3; with 100 units, 13 of 20
 * at gain 2.5 are (exponents about 2 to 4 per second, so nearby states separate visibly within a few
 * trials' length). The LFADS script itself warns that small networks need a lucky seed or a larger N or g.
 * The paper's settings remain available as options ({@code units=50 gamma=1.5}); the chaos check then
 * usually exhausts its draws and keeps a non-chaotic network, which the recorded exponent shows.
 *
 * @param trials         total trials (default 400 = 20 conditions x 20 trials, the Lorenz default's size)
 * @param conditions     distinct initial states (default 20)
 * @param time           bins per trial (default 100 = 1 s)
 * @param units          network size N (default 100)
 * @param neurons        observed units, at most {@code units} (default 50)
 * @param binMs          bin width in ms (default 10)
 * @param tauMs          unit time constant in ms (default 25)
 * @param gamma          recurrent gain (default 2.5)
 * @param substeps       Euler steps per bin (default 10)
 * @param x0Std          sd of the initial states (default 1)
 * @param maxRate        rate in Hz at tanh(x) = 1 (default 30, the paper's)
 * @param minLyapunov    the chaos check's threshold, 1/s (default 0.5)
 * @param maxDraws       most networks drawn by the chaos check (default 20; 1 keeps the first draw)
 * @param inputs         input channels; 0 for the autonomous kind (defaults 0 and 1)
 * @param pulseMagnitude pulse height u (default 20, the paper's)
 * @param pulseInterval  bins per pulse segment (default 100: one pulse per second of trial)
 * @param validFraction  fraction of each condition's trials in valid (default 0.2)
 * @param testFraction   fraction of each condition's trials in test (default 0)
 */
public record ChaoticRnnGenerator(int trials, int conditions, int time, int units, int neurons, double binMs,
                                  double tauMs, double gamma, int substeps, double x0Std, double maxRate,
                                  double minLyapunov, int maxDraws, int inputs, double pulseMagnitude,
                                  int pulseInterval, double validFraction, double testFraction)
        implements SyntheticGenerator {

    public static final String KIND = "chaotic-rnn";
    public static final String KIND_INPUTS = "chaotic-rnn-inputs";

    public ChaoticRnnGenerator {
        String k = inputs == 0 ? KIND : KIND_INPUTS;
        SynthOptions.atLeast(k, "conditions", conditions, 1);
        SynthOptions.atLeast(k, "trials", trials, conditions);
        SynthOptions.atLeast(k, "time", time, 2);
        SynthOptions.atLeast(k, "units", units, 1);
        SynthOptions.atLeast(k, "neurons", neurons, 1);
        if (neurons > units) {
            SynthOptions.fail(k, "neurons", "must be at most units (" + units + "), got " + neurons);
        }
        SynthOptions.positive(k, "bin-ms", binMs);
        SynthOptions.positive(k, "tau-ms", tauMs);
        SynthOptions.finite(k, "gamma", gamma);
        SynthOptions.atLeast(k, "substeps", substeps, 1);
        if (!(binMs / substeps < tauMs)) {
            SynthOptions.fail(k, "substeps", "must make the Euler step bin-ms/substeps smaller than tau-ms ("
                    + tauMs + "), got " + substeps);
        }
        SynthOptions.nonNegative(k, "x0-std", x0Std);
        SynthOptions.positive(k, "max-rate", maxRate);
        SynthOptions.finite(k, "min-lyapunov", minLyapunov);
        SynthOptions.atLeast(k, "max-draws", maxDraws, 1);
        SynthOptions.atLeast(k, "inputs", inputs, 0);
        SynthOptions.finite(k, "pulse-magnitude", pulseMagnitude);
        SynthOptions.atLeast(k, "pulse-interval", pulseInterval, 4);
        SynthOptions.fractions(k, validFraction, testFraction);
    }

    /** The autonomous chaotic network ({@code chaotic-rnn}). */
    public static ChaoticRnnGenerator defaults() {
        return new ChaoticRnnGenerator(400, 20, 100, 100, 50, 10, 25, 2.5, 10, 1.0, 30, 0.5, 20, 0, 20, 100, 0.2, 0);
    }

    /** The network driven by one input channel of pulses ({@code chaotic-rnn-inputs}). */
    public static ChaoticRnnGenerator withInputsDefaults() {
        return new ChaoticRnnGenerator(400, 20, 100, 100, 50, 10, 25, 2.5, 10, 1.0, 30, 0.5, 20, 1, 20, 100, 0.2, 0);
    }

    @Override
    public String kind() {
        return inputs == 0 ? KIND : KIND_INPUTS;
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("trials", Integer.toString(trials));
        o.put("conditions", Integer.toString(conditions));
        o.put("time", Integer.toString(time));
        o.put("units", Integer.toString(units));
        o.put("neurons", Integer.toString(neurons));
        o.put("bin-ms", SynthOptions.num(binMs));
        o.put("tau-ms", SynthOptions.num(tauMs));
        o.put("gamma", SynthOptions.num(gamma));
        o.put("substeps", Integer.toString(substeps));
        o.put("x0-std", SynthOptions.num(x0Std));
        o.put("max-rate", SynthOptions.num(maxRate));
        o.put("min-lyapunov", SynthOptions.num(minLyapunov));
        o.put("max-draws", Integer.toString(maxDraws));
        o.put("inputs", Integer.toString(inputs));
        o.put("pulse-magnitude", SynthOptions.num(pulseMagnitude));
        o.put("pulse-interval", Integer.toString(pulseInterval));
        o.put("valid-fraction", SynthOptions.num(validFraction));
        o.put("test-fraction", SynthOptions.num(testFraction));
        return o;
    }

    static ChaoticRnnGenerator fromOptions(SynthOptions o) {
        return new ChaoticRnnGenerator(o.integer("trials"), o.integer("conditions"), o.integer("time"),
                o.integer("units"), o.integer("neurons"), o.real("bin-ms"), o.real("tau-ms"), o.real("gamma"),
                o.integer("substeps"), o.real("x0-std"), o.real("max-rate"), o.real("min-lyapunov"),
                o.integer("max-draws"), o.integer("inputs"),
                o.real("pulse-magnitude"), o.integer("pulse-interval"), o.real("valid-fraction"),
                o.real("test-fraction"));
    }

    /** A drawn network, its estimated largest Lyapunov exponent (1/s) and how many draws it took. */
    record Network(ChaoticRnn net, double lyapunov, int draws) {
    }

    /** The network this generator uses for {@code seed} (the first two streams split off the seed). */
    Network network(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return network(root.split(), root.split());
    }

    /**
     * Draws J until its largest Lyapunov exponent, estimated from a N(0, I) start over 10 s after a 3 s
     * warm-up, reaches {@code minLyapunov}; after {@code maxDraws} draws it keeps the most chaotic one. B is
     * drawn once from its own stream, so the network does not depend on the number of inputs.
     */
    private Network network(SplittableRandom jRng, SplittableRandom bRng) {
        long bSeed = bRng.nextLong();
        SplittableRandom probeRng = jRng.split();
        Network best = null;
        for (int draw = 1; draw <= maxDraws; draw++) {
            ChaoticRnn net = ChaoticRnn.random(units, inputs, gamma, tauMs, binMs, substeps, jRng,
                    new SplittableRandom(bSeed));
            double[] probe = new double[units];
            for (int i = 0; i < units; i++) {
                probe[i] = RandomDraws.gaussian(probeRng);
            }
            double lyap = net.lyapunov(probe, (int) Math.ceil(3000 / binMs), 20, (int) Math.ceil(500 / binMs), binMs);
            if (best == null || lyap > best.lyapunov()) {
                best = new Network(net, lyap, draw);
            }
            if (lyap >= minLyapunov) {
                break;
            }
        }
        return best;
    }

    @Override
    public Session generate(long seed, String name) {
        SplittableRandom root = new SplittableRandom(seed);
        Network network = network(root.split(), root.split());
        ChaoticRnn net = network.net();
        SplittableRandom icRng = root.split();
        SplittableRandom pulseRng = root.split();
        SplittableRandom spikeRng = root.split();
        SplittableRandom splitRng = root.split();

        double[][] x0 = new double[conditions][units];
        for (int c = 0; c < conditions; c++) {
            for (int i = 0; i < units; i++) {
                x0[c][i] = x0Std * RandomDraws.gaussian(icRng);
            }
        }
        int[] cond = new int[trials];
        for (int i = 0; i < trials; i++) {
            cond[i] = i % conditions;
        }
        // Pulse schedules are drawn in trial order before any (parallel) simulation.
        SplittableRandom[] perTrial = RandomDraws.children(pulseRng, trials);
        double[][][] u = inputs == 0 ? null : new double[trials][][];
        for (int i = 0; i < trials && u != null; i++) {
            u[i] = pulses(perTrial[i]);
        }
        // Each simulation is a pure function of its initial state and inputs, so running them in parallel
        // cannot change the result.
        double[][][] x = new double[trials][][];
        if (u == null) {
            double[][][] byCond = new double[conditions][][];
            IntStream.range(0, conditions).parallel().forEach(c -> byCond[c] = net.run(x0[c], null, time));
            for (int i = 0; i < trials; i++) {
                x[i] = byCond[cond[i]];
            }
        } else {
            IntStream.range(0, trials).parallel().forEach(i -> x[i] = net.run(x0[cond[i]], u[i], time));
        }
        float[][][] latents = new float[trials][time][units];
        float[][][] rates = new float[trials][time][neurons];
        for (int i = 0; i < trials; i++) {
            for (int t = 0; t < time; t++) {
                for (int n = 0; n < units; n++) {
                    double r = StrictMath.tanh(x[i][t][n]);
                    latents[i][t][n] = (float) r;
                    if (n < neurons) {
                        rates[i][t][n] = (float) (maxRate * (r + 1.0) / 2.0);
                    }
                }
            }
        }
        Stats.requireFinite(kind(), latents);
        SessionAssembler s = new SessionAssembler(this, seed, binMs)
                .counts(SessionAssembler.poissonCounts(rates, binMs, spikeRng))
                .ratesHz(rates)
                .latents(latents, "tanh(x) of all " + units + " network units at the end of each bin; neuron n observes unit n")
                .conditions(cond)
                .attribute("synth.rnn.lyapunov_per_s", Double.toString(network.lyapunov()))
                .attribute("synth.rnn.network_draw", Integer.toString(network.draws()));
        if (u != null) {
            s.inputs(toFloat(u), "input pulses u per bin (height " + SynthOptions.num(pulseMagnitude)
                    + ", one bin wide), applied through B while producing that bin");
        }
        return s.build(name, validFraction, testFraction, splitRng);
    }

    /** One trial's pulse schedule {@code [time][inputs]} (see the class comment). */
    double[][] pulses(SplittableRandom rng) {
        double[][] u = new double[time][inputs];
        int segments = Math.max(1, (int) Math.round(time / (double) pulseInterval));
        double len = time / (double) segments;
        for (int s = 0; s < segments; s++) {
            for (int k = 0; k < inputs; k++) {
                int bin = (int) Math.floor(s * len + len / 4 + rng.nextDouble() * len / 2);
                u[Math.min(bin, time - 1)][k] = pulseMagnitude;
            }
        }
        return u;
    }

    private static float[][][] toFloat(double[][][] a) {
        float[][][] out = new float[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new float[a[i].length][];
            for (int t = 0; t < a[i].length; t++) {
                out[i][t] = new float[a[i][t].length];
                for (int k = 0; k < a[i][t].length; k++) {
                    out[i][t][k] = (float) a[i][t][k];
                }
            }
        }
        return out;
    }
}
