package org.latentlab.core.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recording: its splits and the channel layout they share.
 * Held-in channels are the encod channels; recon channels are the held-in channels followed by the
 * held-out ones; forward-prediction bins are the recon bins past the end of the encod window.
 *
 * @param name             the session's name (the data file's stem)
 * @param binSizeMs        bin width in milliseconds, or NaN when the file does not say
 * @param conversionFactor {@code truth / conversionFactor} is the expected count per bin (1 when absent)
 * @param splits           the splits present; {@code train} is required
 * @param channelNames     a name per recon channel (e.g. NWB unit ids), or empty
 * @param attributes       provenance and other file-level facts (source file, alignment, generator, seed)
 */
public record Session(String name, double binSizeMs, double conversionFactor, Map<Split, SplitData> splits,
                      List<String> channelNames, Map<String, String> attributes) {

    public Session {
        if (name == null || name.isBlank()) {
            throw new DataException("a session needs a name");
        }
        if (!Double.isNaN(binSizeMs) && !(binSizeMs > 0 && Double.isFinite(binSizeMs))) {
            throw new DataException("bin size must be a positive number of milliseconds, got " + binSizeMs);
        }
        if (!(conversionFactor > 0 && Double.isFinite(conversionFactor))) {
            throw new DataException("conversion_factor must be positive, got " + conversionFactor);
        }
        if (splits == null || !splits.containsKey(Split.TRAIN)) {
            throw new DataException("session '" + name + "' has no train split");
        }
        SplitData train = splits.get(Split.TRAIN);
        for (Map.Entry<Split, SplitData> e : splits.entrySet()) {
            checkAgainstTrain(e.getKey(), e.getValue(), train);
        }
        EnumMap<Split, SplitData> copy = new EnumMap<>(Split.class);
        copy.putAll(splits);
        splits = Collections.unmodifiableMap(copy);
        channelNames = channelNames == null ? List.of() : List.copyOf(channelNames);
        int recon = train.reconOrEncod().channels();
        if (!channelNames.isEmpty() && channelNames.size() != recon) {
            throw new DataException(channelNames.size() + " channel names for " + recon + " recon channels");
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    private static void checkAgainstTrain(Split split, SplitData s, SplitData train) {
        String k = split.key();
        if (s.encod().time() != train.encod().time() || s.encod().channels() != train.encod().channels()) {
            throw new DataException(k + "_encod_data is " + s.encod().shapeString() + " but train_encod_data is "
                    + train.encod().shapeString() + " (bins and channels must agree)");
        }
        if (s.recon() != null && train.recon() != null && (s.recon().time() != train.recon().time()
                || s.recon().channels() != train.recon().channels())) {
            throw new DataException(k + "_recon_data is " + s.recon().shapeString() + " but train_recon_data is "
                    + train.recon().shapeString() + " (bins and channels must agree)");
        }
        agree(k, "ext_input", s.extInput(), train.extInput(), split);
        agree(k, "behavior", s.behavior(), train.behavior(), split);
        agree(k, "truth", s.truth(), train.truth(), split);
        agree(k, "latents_truth", s.latentsTruth(), train.latentsTruth(), split);
        agree(k, "inputs_truth", s.inputsTruth(), train.inputsTruth(), split);
    }

    private static void agree(String k, String key, Tensor3 a, Tensor3 trainArray, Split split) {
        if (split == Split.TRAIN) {
            return;
        }
        // The model is given external inputs in every split or in none.
        if (key.equals("ext_input") && (a == null) != (trainArray == null)) {
            throw new DataException((a == null ? k : "train") + "_ext_input is missing while "
                    + (a == null ? "train" : k) + "_ext_input is present");
        }
        if (a != null && trainArray != null && a.channels() != trainArray.channels()) {
            throw new DataException(k + "_" + key + " has " + a.channels() + " channels but train_" + key + " has "
                    + trainArray.channels());
        }
    }

    /** A single-split-builder friendly constructor with no names or attributes. */
    public static Session of(String name, double binSizeMs, Map<Split, SplitData> splits) {
        return new Session(name, binSizeMs, 1.0, splits, List.of(), Map.of());
    }

    public SplitData split(Split s) {
        return splits.get(s);
    }

    public boolean has(Split s) {
        return splits.containsKey(s);
    }

    private SplitData train() {
        return splits.get(Split.TRAIN);
    }

    /** Channels the encoder sees. */
    public int heldInChannels() {
        return train().encod().channels();
    }

    /** Channels that are reconstructed (held-in plus held-out). */
    public int reconChannels() {
        return train().reconOrEncod().channels();
    }

    public int heldOutChannels() {
        return reconChannels() - heldInChannels();
    }

    /** Bins of the encoding window. */
    public int bins() {
        return train().encod().time();
    }

    /** Recon bins past the encoding window (forward prediction). */
    public int forwardBins() {
        return train().reconOrEncod().time() - bins();
    }

    public int totalTrials() {
        return splits.values().stream().mapToInt(SplitData::trials).sum();
    }

    public int extInputChannels() {
        return train().extInput() == null ? 0 : train().extInput().channels();
    }

    public Session withAttributes(Map<String, String> more) {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.putAll(more);
        return new Session(name, binSizeMs, conversionFactor, splits, channelNames, a);
    }
}
