package org.latentlab.core.synth;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;

/**
 * Turns whole-dataset arrays (trials in generation order) into a {@link Session}: spike counts as encod and
 * recon data, rates in Hz as truth with {@code conversion_factor = 1000 / binMs}, stratified seeded splits,
 * condition ids, original trial indices, and the provenance attributes every generator records.
 */
final class SessionAssembler {
    private final double binMs;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private Tensor3 counts;
    private Tensor3 ratesHz;
    private Tensor3 latents;
    private Tensor3 inputs;
    private Tensor3 behavior;
    private int[] conditions;

    SessionAssembler(SyntheticGenerator generator, long seed, double binMs) {
        this.binMs = binMs;
        attributes.put("synth.kind", generator.kind());
        attributes.put("synth.seed", Long.toString(seed));
        attributes.put("synth.params", SynthOptions.json(generator.options()));
        attributes.put("synth.truth", "firing rates in Hz (spikes/s); truth / conversion_factor = expected count per bin");
    }

    SessionAssembler counts(float[][][] c) {
        counts = Tensor3.of(c);
        return this;
    }

    SessionAssembler ratesHz(float[][][] r) {
        ratesHz = Tensor3.of(r);
        return this;
    }

    SessionAssembler latents(float[][][] l, String description) {
        latents = Tensor3.of(l);
        attributes.put("synth.latents", description);
        return this;
    }

    SessionAssembler inputs(float[][][] u, String description) {
        inputs = Tensor3.of(u);
        attributes.put("synth.inputs", description);
        return this;
    }

    SessionAssembler behavior(float[][][] b, String description) {
        behavior = Tensor3.of(b);
        attributes.put("synth.behavior", description);
        return this;
    }

    SessionAssembler conditions(int[] ids) {
        conditions = ids.clone();
        return this;
    }

    SessionAssembler attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    Session build(String name, double validFraction, double testFraction, SplittableRandom splitRng) {
        Map<Split, int[]> parts = StratifiedSplitter.split(conditions, validFraction, testFraction, splitRng);
        Map<Split, SplitData> splits = new EnumMap<>(Split.class);
        for (Map.Entry<Split, int[]> e : parts.entrySet()) {
            int[] idx = e.getValue();
            Tensor3 c = counts.selectTrials(idx);
            SplitData d = SplitData.of(c, c)
                    .withTruth(ratesHz.selectTrials(idx), sel(latents, idx), sel(inputs, idx))
                    .withConditionIds(pick(conditions, idx))
                    .withTrialIds(idx);
            if (behavior != null) {
                d = d.withBehavior(behavior.selectTrials(idx));
            }
            splits.put(e.getKey(), d);
        }
        attributes.put("synth.split_seeded_by", "synth.seed (stratified by condition)");
        return new Session(name, binMs, 1000.0 / binMs, splits, List.of(), attributes);
    }

    private static Tensor3 sel(Tensor3 t, int[] idx) {
        return t == null ? null : t.selectTrials(idx);
    }

    private static int[] pick(int[] a, int[] idx) {
        int[] out = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = a[idx[k]];
        }
        return out;
    }

    /**
     * Poisson counts for rates in Hz, one child generator per trial split off {@code spikes} in trial order,
     * so each trial's counts depend only on the seed and that trial's rates.
     */
    static float[][][] poissonCounts(float[][][] ratesHz, double binMs, SplittableRandom spikes) {
        double binS = binMs / 1000.0;
        SplittableRandom[] perTrial = RandomDraws.children(spikes, ratesHz.length);
        float[][][] out = new float[ratesHz.length][][];
        for (int i = 0; i < ratesHz.length; i++) {
            out[i] = new float[ratesHz[i].length][];
            for (int t = 0; t < ratesHz[i].length; t++) {
                float[] r = ratesHz[i][t];
                float[] c = new float[r.length];
                for (int n = 0; n < r.length; n++) {
                    c[n] = PoissonSampler.sample(r[n] * binS, perTrial[i]);
                }
                out[i][t] = c;
            }
        }
        return out;
    }
}
