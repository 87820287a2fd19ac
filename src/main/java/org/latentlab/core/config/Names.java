package org.latentlab.core.config;

import java.util.Collection;
import java.util.Locale;

/** Spelling rules shared by files, the command line and flattened keys. */
final class Names {
    private Names() {
    }

    /** {@code icEncDim -> ic_enc_dim}, {@code l2GenScale -> l2_gen_scale}; a run of capitals stays one word. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLowerOrDigit = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(camel.charAt(i - 1));
                if (i > 0 && (prevLowerOrDigit || (prevUpper && nextLower))) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** How enum constants are written: {@code LFADS_CLIPPED -> lfads-clipped} (the style of the CLI's kinds). */
    static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a user may type for an enum constant: any case, kebab or snake. */
    static String enumKey(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /**
     * Doubles in files and flattened keys: Java's shortest round-trip text with a lower-case, signed exponent
     * ({@code 1.0e-4}, {@code 0.05}, {@code 10000.0}), which YAML 1.1 readers such as PyYAML also take as a
     * number, where {@code 1e-4} would be read as a string.
     */
    static String formatDouble(double d) {
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String exp = s.substring(e + 1);
        return s.substring(0, e) + "e" + (exp.startsWith("-") ? exp : "+" + exp);
    }

    /**
     * The candidate nearest to {@code key} by edit distance, or null when none is within {@code tolerance}
     * edits (the caller scales it to the misspelt word, so a different word is not offered as a typo).
     */
    static String closest(String key, Collection<String> candidates, int tolerance) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        String k = normalise(key);
        for (String c : candidates) {
            int d = distance(k, normalise(c));
            if (d < bestDist) {
                best = c;
                bestDist = d;
            }
        }
        return bestDist <= tolerance ? best : null;
    }

    /** Lets {@code genDim} and {@code gen-dim} find {@code gen_dim} in suggestions. */
    private static String normalise(String key) {
        return snake(key).replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit ({@code modle -> model}). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
