package org.latentlab.core.data;

/**
 * HDF5 key names of the LFADS-style data file (lfads-torch's names, plus the ground-truth keys of
 * DESIGN.md). A per-split key is {@code <split>_<suffix>}, e.g. {@code train_encod_data}.
 */
public final class LfadsKeys {
    public static final String ENCOD = "encod_data";
    public static final String RECON = "recon_data";
    /** The older layout (autolfads-tf2, original LFADS): one array for both encod and recon. */
    public static final String LEGACY_DATA = "data";
    public static final String EXT_INPUT = "ext_input";
    public static final String BEHAVIOR = "behavior";
    public static final String TRUTH = "truth";
    public static final String LATENTS_TRUTH = "latents_truth";
    public static final String INPUTS_TRUTH = "inputs_truth";
    public static final String COND_IDX = "cond_idx";
    public static final String INDS = "inds";
    public static final String CONVERSION_FACTOR = "conversion_factor";
    public static final String CHANNEL_NAMES = "recon_channel_names";
    public static final String BIN_SIZE_ATTR = "bin_size_ms";

    private LfadsKeys() {
    }

    public static String key(Split split, String suffix) {
        return split.key() + "_" + suffix;
    }
}
