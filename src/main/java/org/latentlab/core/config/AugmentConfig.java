package org.latentlab.core.config;

/**
 * Training-time augmentations (reference §1.6). None applies at inference.
 *
 * @param cdRate           coordinated dropout: the fraction of encoder input samples zeroed (the rest scaled
 *                         by 1/(1−rate)), whose reconstructions alone carry gradient; 0.3 as the NLB configs
 *                         (PBT starts at 0.5 and explores 0.01–0.7)
 * @param cdPassRate       fraction of the kept samples whose gradient passes anyway; 0 as lfads-torch
 * @param sbtt             selective backpropagation through time for NaN (unobserved) samples; AUTO = on
 *                         exactly when the data contain NaN
 * @param temporalShiftStd EMG temporal shift: s.d. in bins of the per-sample, per-channel integer shift,
 *                         drawn separately for encoder and reconstruction data; 0 = off (the EMG setting is 3)
 * @param temporalShiftMax clamp on that shift in bins; 6 as the EMG setting (used only when the std is &gt; 0)
 * @param spikeJitterWidth each spike moves uniformly within ±width bins (reflecting at the edges); 0 = off
 */
public record AugmentConfig(
        double cdRate,
        double cdPassRate,
        SbttMode sbtt,
        double temporalShiftStd,
        int temporalShiftMax,
        int spikeJitterWidth) {

    public AugmentConfig {
        Check.halfOpen("cd_rate", cdRate, 0, 1);
        Check.closed("cd_pass_rate", cdPassRate, 0, 1);
        Check.notNull("sbtt", sbtt);
        Check.nonNegative("temporal_shift_std", temporalShiftStd);
        Check.nonNegative("temporal_shift_max", temporalShiftMax);
        Check.nonNegative("spike_jitter_width", spikeJitterWidth);
    }

    public static AugmentConfig defaults() {
        return new AugmentConfig(0.3, 0.0, SbttMode.AUTO, 0.0, 6, 0);
    }
}
