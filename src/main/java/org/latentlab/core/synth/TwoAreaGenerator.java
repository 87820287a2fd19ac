package org.latentlab.core.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;

/**
 * The Murray, Jaramillo and Wang (2017) two-area PPC-PFC decision model on a pulse-discrimination task,
 * observed in PFC (reference: {@code felixp8/neural-population-dynamics}, {@code datasets/murraytwoarea}).
 *
 * <p>Recipe:
 * <ol>
 *   <li>Dynamics: {@link MurrayModel} with the feedback block chosen by {@code feedback}; forward Euler with
 *       {@code substeps} steps per bin; initial S ~ Exp(mean {@code icMean}) per population, clipped to 1.</li>
 *   <li>Task: fixation, stimulus, decision periods. Condition k (trial i has k = i mod F, so conditions are
 *       balanced) feeds PPC1 a Poisson pulse train at {@code frequencies[k]} Hz and PPC2 one at
 *       {@code frequencies[F-1-k]} Hz (with the default list 4, 8, ..., 32 the pair sums to 36 Hz) during the
 *       stimulus; pulses are causal boxes of {@code pulseHeight} nA for {@code pulseMs}. The correct choice is
 *       PFC1 when PPC1's rate is higher. OU noise (sd {@code noiseSigma}, time constant {@code noiseTauMs})
 *       enters all four populations throughout.</li>
 *   <li>Readout (synergen's LinearNonlinearPoisson as the reference configures it): {@code a = S_PFC W} with
 *       W (2 x neurons) uniform in [-1, 1]; one global mean m and population sd s over every trial, bin and
 *       neuron; {@code x = (a - m) / s}; expected count per bin {@code exp(x + logRateOffset)} (default offset
 *       -3); truth stores it in Hz; counts ~ Poisson. Unlike synergen, counts are not clipped at 5, so they
 *       stay exactly Poisson given truth; m and s are recorded in {@code synth.two_area.readout}.</li>
 *   <li>Truth, all sampled at the end of each bin: latents = S_PFC (2; {@code latents=pfc}) or all four S
 *       ({@code latents=all}, order PPC1, PPC2, PFC1, PFC2); inputs = the effective PPC to PFC current
 *       {@code S_PPC J_ff} (2 channels: into PFC1, PFC2, nA); behaviour = the pulse current into PPC1, PPC2
 *       averaged over each bin (nA).</li>
 * </ol>
 *
 * @param trials        total trials (default 400: 50 per condition, a small file; the reference used 1000)
 * @param neurons       observed PFC neurons (default 30)
 * @param binMs         bin width, ms (default 10)
 * @param substeps      Euler steps per bin (default 10, i.e. 1 ms)
 * @param feedback      PFC to PPC block: positive (J_S 0.04, J_T 0), none, negative (J_S -0.04, J_T -0.08)
 * @param frequencies   pulse rates, Hz (default 4, 8, ..., 32)
 * @param pulseHeight   pulse current, nA (default 0.012)
 * @param pulseMs       pulse width, ms (default 50)
 * @param fixationMs    fixation period, ms (default 50)
 * @param stimulusMs    stimulus period, ms (default 900)
 * @param decisionMs    decision period, ms (default 50)
 * @param noiseSigma    stationary sd of the OU noise, nA (default 0.009)
 * @param noiseTauMs    OU time constant, ms (default 2)
 * @param icMean        mean of the exponential initial gating values (default 0.04)
 * @param logRateOffset added to the normalised projection before exp (default -3)
 * @param latents       which gating variables are the latents truth: pfc (default) or all
 * @param validFraction fraction of each condition's trials in valid (default 0.2)
 * @param testFraction  fraction of each condition's trials in test (default 0)
 * @param model         the model constants; its feedback block always follows {@code feedback}
 */
public record TwoAreaGenerator(int trials, int neurons, double binMs, int substeps, Feedback feedback,
                               List<Double> frequencies, double pulseHeight, double pulseMs, double fixationMs,
                               double stimulusMs, double decisionMs, double noiseSigma, double noiseTauMs,
                               double icMean, double logRateOffset, Latents latents, double validFraction,
                               double testFraction, MurrayModel model) implements SyntheticGenerator {

    public static final String KIND = "two-area";

    /** The PFC-to-PPC feedback block. */
    public enum Feedback {
        POSITIVE("two-area", 0.04, 0), NONE("two-area-nofeedback", 0, 0), NEGATIVE("two-area-negfeedback", -0.04, -0.08);

        final String kind;
        final double js;
        final double jt;

        Feedback(String kind, double js, double jt) {
            this.kind = kind;
            this.js = js;
            this.jt = jt;
        }

        /** positive|true, none|false, negative. */
        static Feedback parse(String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "positive": case "true": return POSITIVE;
                case "none": case "false": return NONE;
                case "negative": return NEGATIVE;
                default: throw new DataException("option 'feedback' of two-area must be positive (true), none (false)"
                        + " or negative, got '" + s + "'");
            }
        }
    }

    /** Which gating variables are stored as latents truth. */
    public enum Latents { PFC, ALL }

    public TwoAreaGenerator {
        SynthOptions.atLeast(KIND, "trials", trials, 1);
        SynthOptions.atLeast(KIND, "neurons", neurons, 1);
        SynthOptions.positive(KIND, "bin-ms", binMs);
        SynthOptions.atLeast(KIND, "substeps", substeps, 1);
        if (feedback == null || latents == null || model == null) {
            throw new DataException("two-area needs feedback, latents and model settings");
        }
        if (frequencies == null || frequencies.isEmpty()) {
            SynthOptions.fail(KIND, "frequencies", "must list at least one rate");
        }
        frequencies = List.copyOf(frequencies);
        for (double f : frequencies) {
            SynthOptions.nonNegative(KIND, "frequencies", f);
        }
        SynthOptions.finite(KIND, "pulse-height", pulseHeight);
        SynthOptions.positive(KIND, "pulse-ms", pulseMs);
        SynthOptions.nonNegative(KIND, "fixation-ms", fixationMs);
        SynthOptions.positive(KIND, "stimulus-ms", stimulusMs);
        SynthOptions.nonNegative(KIND, "decision-ms", decisionMs);
        double total = fixationMs + stimulusMs + decisionMs;
        long bins = Math.round(total / binMs);
        if (Math.abs(bins * binMs - total) > 1e-6 * binMs || bins < 2) {
            SynthOptions.fail(KIND, "bin-ms", "must divide the trial (fixation + stimulus + decision = "
                    + SynthOptions.num(total) + " ms) into at least 2 whole bins, got " + SynthOptions.num(binMs));
        }
        SynthOptions.nonNegative(KIND, "noise-sigma", noiseSigma);
        SynthOptions.positive(KIND, "noise-tau-ms", noiseTauMs);
        SynthOptions.nonNegative(KIND, "ic-mean", icMean);
        SynthOptions.finite(KIND, "log-rate-offset", logRateOffset);
        SynthOptions.fractions(KIND, validFraction, testFraction);
        model = model.withFeedback(feedback.js, feedback.jt);
    }

    /** The reference configuration with positive feedback (see the parameter list). */
    public static TwoAreaGenerator defaults() {
        return new TwoAreaGenerator(400, 30, 10, 10, Feedback.POSITIVE, List.of(4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0),
                0.012, 50, 50, 900, 50, 0.009, 2, 0.04, -3, Latents.PFC, 0.2, 0, MurrayModel.defaults());
    }

    /** A copy with another feedback block. */
    public TwoAreaGenerator withFeedback(Feedback fb) {
        return new TwoAreaGenerator(trials, neurons, binMs, substeps, fb, frequencies, pulseHeight, pulseMs, fixationMs,
                stimulusMs, decisionMs, noiseSigma, noiseTauMs, icMean, logRateOffset, latents, validFraction,
                testFraction, model);
    }

    @Override
    public String kind() {
        return feedback.kind;
    }

    /** Bins per trial: (fixation + stimulus + decision) / binMs. */
    public int bins() {
        return (int) Math.round((fixationMs + stimulusMs + decisionMs) / binMs);
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("trials", Integer.toString(trials));
        o.put("neurons", Integer.toString(neurons));
        o.put("bin-ms", SynthOptions.num(binMs));
        o.put("substeps", Integer.toString(substeps));
        o.put("feedback", feedback.name().toLowerCase(Locale.ROOT));
        o.put("frequencies", SynthOptions.nums(frequencies));
        o.put("pulse-height", SynthOptions.num(pulseHeight));
        o.put("pulse-ms", SynthOptions.num(pulseMs));
        o.put("fixation-ms", SynthOptions.num(fixationMs));
        o.put("stimulus-ms", SynthOptions.num(stimulusMs));
        o.put("decision-ms", SynthOptions.num(decisionMs));
        o.put("noise-sigma", SynthOptions.num(noiseSigma));
        o.put("noise-tau-ms", SynthOptions.num(noiseTauMs));
        o.put("ic-mean", SynthOptions.num(icMean));
        o.put("log-rate-offset", SynthOptions.num(logRateOffset));
        o.put("latents", latents.name().toLowerCase(Locale.ROOT));
        o.put("valid-fraction", SynthOptions.num(validFraction));
        o.put("test-fraction", SynthOptions.num(testFraction));
        String[] names = {"a", "b", "c", "tau-ms", "gamma", "i0", "ppc-js", "ppc-jt", "pfc-js", "pfc-jt", "ff-js", "ff-jt"};
        double[] values = {model.a(), model.b(), model.c(), model.tauMs(), model.gamma(), model.i0(), model.ppcJs(),
            model.ppcJt(), model.pfcJs(), model.pfcJt(), model.ffJs(), model.ffJt()};
        for (int k = 0; k < names.length; k++) {
            o.put(names[k], SynthOptions.num(values[k]));
        }
        return o;
    }

    static TwoAreaGenerator fromOptions(SynthOptions o) {
        String lat = o.text("latents").toLowerCase(Locale.ROOT);
        if (!lat.equals("pfc") && !lat.equals("all")) {
            throw new DataException("option 'latents' of two-area must be pfc or all, got '" + o.text("latents") + "'");
        }
        MurrayModel m = new MurrayModel(o.real("a"), o.real("b"), o.real("c"), o.real("tau-ms"), o.real("gamma"),
                o.real("i0"), o.real("ppc-js"), o.real("ppc-jt"), o.real("pfc-js"), o.real("pfc-jt"), o.real("ff-js"),
                o.real("ff-jt"), 0, 0);
        return new TwoAreaGenerator(o.integer("trials"), o.integer("neurons"), o.real("bin-ms"), o.integer("substeps"),
                Feedback.parse(o.text("feedback")), o.reals("frequencies"), o.real("pulse-height"), o.real("pulse-ms"),
                o.real("fixation-ms"), o.real("stimulus-ms"), o.real("decision-ms"), o.real("noise-sigma"),
                o.real("noise-tau-ms"), o.real("ic-mean"), o.real("log-rate-offset"),
                lat.equals("pfc") ? Latents.PFC : Latents.ALL, o.real("valid-fraction"), o.real("test-fraction"), m);
    }

    @Override
    public Session generate(long seed, String name) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom readoutRng = root.split();
        SplittableRandom trialRng = root.split();
        SplittableRandom spikeRng = root.split();
        SplittableRandom splitRng = root.split();
        double[][] j = model.coupling();
        int nf = frequencies.size();
        int time = bins();

        int[] cond = new int[trials];
        for (int i = 0; i < trials; i++) {
            cond[i] = i % nf;
        }
        // Each trial's generator is split off in trial order, so the parallel loop cannot change any result.
        SplittableRandom[] perTrial = RandomDraws.children(trialRng, trials);
        TwoAreaTrial.Result[] res = new TwoAreaTrial.Result[trials];
        IntStream.range(0, trials).parallel().forEach(i -> res[i] = TwoAreaTrial.simulate(this, j,
                frequencies.get(cond[i]), frequencies.get(nf - 1 - cond[i]), perTrial[i]));

        // Readout: a = S_PFC W, globally centred and scaled, then exp(x + offset) counts per bin.
        double[][] w = new double[2][neurons];
        for (int n = 0; n < neurons; n++) {
            w[0][n] = RandomDraws.uniform(readoutRng, -1, 1);
            w[1][n] = RandomDraws.uniform(readoutRng, -1, 1);
        }
        double sum = 0;
        double sumSq = 0;
        for (TwoAreaTrial.Result r : res) {
            for (double[] s : r.gating()) {
                for (int n = 0; n < neurons; n++) {
                    double a = s[2] * w[0][n] + s[3] * w[1][n];
                    sum += a;
                    sumSq += a * a;
                }
            }
        }
        double count = (double) trials * time * neurons;
        double mean = sum / count;
        double sd = StrictMath.sqrt(Math.max(0, sumSq / count - mean * mean));
        double scale = sd > 0 ? 1.0 / sd : 1.0;
        double perSecond = 1000.0 / binMs;
        int nLat = latents == Latents.ALL ? 4 : 2;
        float[][][] rates = new float[trials][time][neurons];
        float[][][] lat = new float[trials][time][nLat];
        float[][][] inputs = new float[trials][time][2];
        float[][][] behavior = new float[trials][time][2];
        for (int i = 0; i < trials; i++) {
            for (int t = 0; t < time; t++) {
                double[] s = res[i].gating()[t];
                for (int n = 0; n < neurons; n++) {
                    double x = (s[2] * w[0][n] + s[3] * w[1][n] - mean) * scale;
                    rates[i][t][n] = (float) (StrictMath.exp(x + logRateOffset) * perSecond);
                }
                for (int d = 0; d < nLat; d++) {
                    lat[i][t][d] = (float) s[4 - nLat + d];
                }
                for (int to = 0; to < 2; to++) {
                    inputs[i][t][to] = (float) (s[0] * j[0][2 + to] + s[1] * j[1][2 + to]);
                    behavior[i][t][to] = (float) res[i].stimulus()[t][to];
                }
            }
        }
        Stats.requireFinite(kind(), lat);
        Stats.requireFinite(kind(), rates);
        return new SessionAssembler(this, seed, binMs)
                .counts(SessionAssembler.poissonCounts(rates, binMs, spikeRng))
                .ratesHz(rates)
                .latents(lat, latents == Latents.ALL ? "NMDA gating S of PPC1, PPC2, PFC1, PFC2 at the end of each bin"
                        : "NMDA gating S of PFC1, PFC2 (the observed area) at the end of each bin")
                .inputs(inputs, "effective PPC to PFC current S_PPC J_ff into PFC1, PFC2 (nA), end of each bin")
                .behavior(behavior, "pulse current into PPC1, PPC2 averaged over each bin (nA)")
                .conditions(cond)
                .attribute("synth.two_area.conditions", conditionTable())
                .attribute("synth.two_area.readout", "x = (S_PFC W - m) / s, m = " + mean + ", s = " + sd
                        + "; expected count per bin = exp(x + " + SynthOptions.num(logRateOffset) + ")")
                .build(name, validFraction, testFraction, splitRng);
    }

    /** {@code k:f1/f2:target} per condition; target 1 means PFC1 is the correct choice (f1 > f2), 2 PFC2, 0 a tie. */
    String conditionTable() {
        List<String> parts = new ArrayList<>();
        int nf = frequencies.size();
        for (int k = 0; k < nf; k++) {
            double f1 = frequencies.get(k);
            double f2 = frequencies.get(nf - 1 - k);
            int target = f1 > f2 ? 1 : f1 < f2 ? 2 : 0;
            parts.add(k + ":" + SynthOptions.num(f1) + "/" + SynthOptions.num(f2) + ":" + target);
        }
        return String.join(",", parts);
    }
}
