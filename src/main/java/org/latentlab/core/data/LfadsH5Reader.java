package org.latentlab.core.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.latentlab.core.data.LfadsKeys.key;

/**
 * Reads an LFADS-style HDF5 file: lfads-torch's keys ({@code train_encod_data}, {@code train_recon_data},
 * ...) or the older single-array layout ({@code train_data}, {@code valid_data}), compressed or not.
 * Every problem becomes a one-line {@link DataException} naming the file and key.
 */
public final class LfadsH5Reader {
    private LfadsH5Reader() {
    }

    public static Session read(Path file) {
        try (HdfFile h5 = H5Files.open(file)) {
            return read(file, h5);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DataException.inFile(file, "cannot be read (truncated or corrupt HDF5: " + H5Arrays.oneLine(e) + ")");
        }
    }

    private static Session read(Path file, HdfFile h5) {
        Map<String, Node> root = H5Files.children(file, h5);
        boolean modern = root.containsKey(key(Split.TRAIN, LfadsKeys.ENCOD));
        boolean legacy = root.containsKey(key(Split.TRAIN, LfadsKeys.LEGACY_DATA));
        if (!modern && !legacy) {
            throw DataException.inFile(file, "no key 'train_encod_data' (or 'train_data'); keys present: "
                    + new TreeSet<>(root.keySet()));
        }
        Map<Split, SplitData> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            SplitData d = readSplit(file, root, s, modern);
            if (d != null) {
                splits.put(s, d);
            }
        }
        double conversion = root.containsKey(LfadsKeys.CONVERSION_FACTOR)
                ? H5Arrays.scalar(file, root.get(LfadsKeys.CONVERSION_FACTOR), LfadsKeys.CONVERSION_FACTOR) : 1.0;
        if (!(conversion > 0) || !Double.isFinite(conversion)) {
            throw DataException.inFile(file, "key 'conversion_factor' is " + conversion + "; it must be positive");
        }
        double bin = H5Arrays.numberAttribute(h5, LfadsKeys.BIN_SIZE_ATTR);
        List<String> names = root.containsKey(LfadsKeys.CHANNEL_NAMES)
                ? strings(file, root.get(LfadsKeys.CHANNEL_NAMES), LfadsKeys.CHANNEL_NAMES) : List.of();
        Map<String, String> attrs = new LinkedHashMap<>();
        String name = stem(file);
        for (Map.Entry<String, Attribute> a : h5.getAttributes().entrySet()) {
            String v = H5Arrays.textAttribute(a.getValue());
            if (v != null && !a.getKey().equals(LfadsKeys.BIN_SIZE_ATTR)) {
                attrs.put(a.getKey(), v);
            }
        }
        try {
            return new Session(name, bin > 0 ? bin : Double.NaN, conversion, splits, names, attrs);
        } catch (DataException e) {
            throw DataException.inFile(file, e.getMessage());
        }
    }

    private static SplitData readSplit(Path file, Map<String, Node> root, Split s, boolean modern) {
        String encodKey = key(s, modern ? LfadsKeys.ENCOD : LfadsKeys.LEGACY_DATA);
        if (!root.containsKey(encodKey)) {
            // A split is absent as a whole; a companion array without its data is a broken file.
            for (String suffix : List.of(LfadsKeys.RECON, LfadsKeys.TRUTH, LfadsKeys.EXT_INPUT)) {
                if (root.containsKey(key(s, suffix))) {
                    throw DataException.inFile(file, "key '" + key(s, suffix) + "' is present but '" + encodKey
                            + "' is missing");
                }
            }
            return null;
        }
        Tensor3 encod = counts(file, root, encodKey);
        Tensor3 recon;
        if (modern) {
            String reconKey = key(s, LfadsKeys.RECON);
            recon = root.containsKey(reconKey) ? counts(file, root, reconKey) : null;
            if (recon == null && s != Split.TEST) {
                throw DataException.inFile(file, "key '" + reconKey + "' is missing (it is required for the "
                        + s.key() + " split)");
            }
        } else {
            recon = encod;
        }
        try {
            SplitData d = new SplitData(encod, recon,
                    optional(file, root, key(s, LfadsKeys.EXT_INPUT)),
                    optional(file, root, key(s, LfadsKeys.BEHAVIOR)),
                    optional(file, root, key(s, LfadsKeys.TRUTH)),
                    optional(file, root, key(s, LfadsKeys.LATENTS_TRUTH)),
                    optional(file, root, key(s, LfadsKeys.INPUTS_TRUTH)),
                    optionalInts(file, root, key(s, LfadsKeys.COND_IDX)),
                    optionalInts(file, root, key(s, LfadsKeys.INDS)));
            return d;
        } catch (DataException e) {
            throw DataException.inFile(file, s.key() + " split: " + e.getMessage());
        }
    }

    /** Spike counts or continuous data; integer-typed arrays must hold non-negative counts. */
    private static Tensor3 counts(Path file, Map<String, Node> root, String key) {
        Tensor3 t = H5Arrays.tensor3(file, root.get(key), key);
        Dataset ds = (Dataset) root.get(key);
        Class<?> type = ds.getJavaType();
        boolean integer = type == int.class || type == long.class || type == short.class || type == byte.class;
        if (integer) {
            String bad = t.firstNonCount();
            if (bad != null) {
                throw DataException.inFile(file, "key '" + key + "' holds integer counts but has a negative " + bad);
            }
        }
        String inf = t.firstInfinite();
        if (inf != null) {
            throw DataException.inFile(file, "key '" + key + "' holds an infinite " + inf);
        }
        return t;
    }

    private static Tensor3 optional(Path file, Map<String, Node> root, String key) {
        return root.containsKey(key) ? H5Arrays.tensor3(file, root.get(key), key) : null;
    }

    private static int[] optionalInts(Path file, Map<String, Node> root, String key) {
        return root.containsKey(key) ? H5Arrays.ints(file, root.get(key), key) : null;
    }

    private static List<String> strings(Path file, Node node, String key) {
        Object v = H5Arrays.dataset(file, node, key).getData();
        List<String> out = new ArrayList<>();
        if (v instanceof String[] a) {
            out.addAll(List.of(a));
        } else {
            throw DataException.inFile(file, "key '" + key + "' is not a list of strings");
        }
        return out;
    }

    /** The file name without its extensions ({@code lorenz.h5} gives {@code lorenz}). */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** True when the file exists and starts with the HDF5 signature (used to tell HDF5 from other files). */
    public static boolean looksLikeHdf5(Path file) {
        return Files.isRegularFile(file) && H5Files.hasSignature(file);
    }
}
