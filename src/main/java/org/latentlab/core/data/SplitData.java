package org.latentlab.core.data;

import java.util.Arrays;

/**
 * The trials of one split of one session. Arrays are {@code [trials, time, channels]} float32 with NaN for
 * unobserved samples.
 *
 * @param encod        what the encoder sees: held-in channels over the encoding window (required)
 * @param recon        what is reconstructed: held-in then held-out channels, over the encoding window plus
 *                     any forward-prediction bins; null where the file has none (a test split)
 * @param extInput     external inputs the model is given, or null
 * @param behavior     behaviour binned like the data (e.g. hand velocity), or null
 * @param truth        true rates for the recon channels, in units where {@code truth / conversionFactor}
 *                     is the expected count per bin (synthetic data), or null
 * @param latentsTruth true latent states, or null
 * @param inputsTruth  true inputs to the latent dynamics, or null (never given to the model)
 * @param conditionIds condition of each trial, or null
 * @param trialIds     each trial's index in the original recording, or null
 */
public record SplitData(Tensor3 encod, Tensor3 recon, Tensor3 extInput, Tensor3 behavior, Tensor3 truth,
                        Tensor3 latentsTruth, Tensor3 inputsTruth, int[] conditionIds, int[] trialIds) {

    public SplitData {
        if (encod == null) {
            throw new DataException("encod data is required");
        }
        int n = encod.trials();
        requireTrials("recon", recon, n);
        requireTrials("ext_input", extInput, n);
        requireTrials("behavior", behavior, n);
        requireTrials("truth", truth, n);
        requireTrials("latents_truth", latentsTruth, n);
        requireTrials("inputs_truth", inputsTruth, n);
        if (recon != null) {
            if (recon.channels() < encod.channels()) {
                throw new DataException("recon data has " + recon.channels() + " channels, fewer than the "
                        + encod.channels() + " held-in channels of encod data");
            }
            if (recon.time() < encod.time()) {
                throw new DataException("recon data has " + recon.time() + " bins, fewer than the "
                        + encod.time() + " bins of encod data");
            }
        }
        requireTime("ext_input", extInput, encod.time(), recon);
        requireTime("behavior", behavior, encod.time(), recon);
        requireTime("latents_truth", latentsTruth, encod.time(), recon);
        requireTime("inputs_truth", inputsTruth, encod.time(), recon);
        if (truth != null) {
            requireTime("truth", truth, encod.time(), recon);
            // Without recon data (a test split) truth may still cover held-out channels and forward bins.
            boolean ok = recon != null ? truth.channels() == recon.channels() : truth.channels() >= encod.channels();
            if (!ok) {
                throw new DataException("truth has " + truth.channels() + " channels but recon data has "
                        + (recon != null ? recon.channels() : encod.channels()));
            }
        }
        if (conditionIds != null) {
            if (conditionIds.length != n) {
                throw new DataException("condition ids hold " + conditionIds.length + " trials but encod data holds " + n);
            }
            conditionIds = conditionIds.clone();
        }
        if (trialIds != null) {
            if (trialIds.length != n) {
                throw new DataException("trial ids hold " + trialIds.length + " trials but encod data holds " + n);
            }
            trialIds = trialIds.clone();
        }
        String bad = encod.firstInfinite();
        if (bad != null) {
            throw new DataException("encod data holds an infinite " + bad);
        }
    }

    /** Data with only the required array; add the rest with the {@code with...} methods. */
    public static SplitData of(Tensor3 encod, Tensor3 recon) {
        return new SplitData(encod, recon, null, null, null, null, null, null, null);
    }

    public SplitData withExtInput(Tensor3 x) {
        return new SplitData(encod, recon, x, behavior, truth, latentsTruth, inputsTruth, conditionIds, trialIds);
    }

    public SplitData withBehavior(Tensor3 x) {
        return new SplitData(encod, recon, extInput, x, truth, latentsTruth, inputsTruth, conditionIds, trialIds);
    }

    public SplitData withTruth(Tensor3 rates, Tensor3 latents, Tensor3 inputs) {
        return new SplitData(encod, recon, extInput, behavior, rates, latents, inputs, conditionIds, trialIds);
    }

    public SplitData withConditionIds(int[] ids) {
        return new SplitData(encod, recon, extInput, behavior, truth, latentsTruth, inputsTruth, ids, trialIds);
    }

    public SplitData withTrialIds(int[] ids) {
        return new SplitData(encod, recon, extInput, behavior, truth, latentsTruth, inputsTruth, conditionIds, ids);
    }

    public int trials() {
        return encod.trials();
    }

    /** The reconstruction target: recon data where present, otherwise the encod data. */
    public Tensor3 reconOrEncod() {
        return recon != null ? recon : encod;
    }

    @Override
    public int[] conditionIds() {
        return conditionIds == null ? null : conditionIds.clone();
    }

    @Override
    public int[] trialIds() {
        return trialIds == null ? null : trialIds.clone();
    }

    /** The trials at the given positions, in that order, across every array. */
    public SplitData selectTrials(int[] idx) {
        return new SplitData(encod.selectTrials(idx), sel(recon, idx), sel(extInput, idx), sel(behavior, idx),
                sel(truth, idx), sel(latentsTruth, idx), sel(inputsTruth, idx), pick(conditionIds, idx),
                pick(trialIds, idx));
    }

    private static Tensor3 sel(Tensor3 t, int[] idx) {
        return t == null ? null : t.selectTrials(idx);
    }

    private static int[] pick(int[] a, int[] idx) {
        if (a == null) {
            return null;
        }
        int[] out = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = a[idx[k]];
        }
        return out;
    }

    private static void requireTrials(String key, Tensor3 t, int n) {
        if (t != null && t.trials() != n) {
            throw new DataException(key + " holds " + t.trials() + " trials but encod data holds " + n);
        }
    }

    private static void requireTime(String key, Tensor3 t, int encodTime, Tensor3 recon) {
        boolean ok = t == null || t.time() == encodTime || (recon != null ? t.time() == recon.time() : t.time() > encodTime);
        if (!ok) {
            throw new DataException(key + " has " + t.time() + " bins but the data has " + encodTime
                    + (recon != null && recon.time() != encodTime ? " (or " + recon.time() + " with forward bins)" : ""));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitData s && encod.equals(s.encod) && java.util.Objects.equals(recon, s.recon)
                && java.util.Objects.equals(extInput, s.extInput) && java.util.Objects.equals(behavior, s.behavior)
                && java.util.Objects.equals(truth, s.truth) && java.util.Objects.equals(latentsTruth, s.latentsTruth)
                && java.util.Objects.equals(inputsTruth, s.inputsTruth) && Arrays.equals(conditionIds, s.conditionIds)
                && Arrays.equals(trialIds, s.trialIds);
    }

    @Override
    public int hashCode() {
        return encod.hashCode();
    }

    @Override
    public String toString() {
        return "SplitData[trials=" + trials() + ", encod=" + encod.shapeString()
                + (recon != null ? ", recon=" + recon.shapeString() : "") + "]";
    }
}
