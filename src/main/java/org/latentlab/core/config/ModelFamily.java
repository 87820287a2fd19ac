package org.latentlab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.data.DataException;

/**
 * Which model a {@code train} command or a run directory is about. LFADS configs have a plain {@code model}
 * section; an iLQR-VAE config names itself with {@code model: {type: ilqr-vae}} in a file or
 * {@code --set model=ilqr-vae} on the command line (the last {@code model=} wins over the file).
 */
public enum ModelFamily {
    LFADS("lfads"), ILQR_VAE("ilqr-vae");

    private final String key;

    ModelFamily(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ModelFamily of(Path configFile, List<String> sets) {
        ModelFamily f = LFADS;
        if (configFile != null && Files.isRegularFile(configFile)) {
            JsonNode type = ConfigIO.readTree(configFile).path("model").path("type");
            if (!type.isMissingNode()) {
                f = named(type.asText(), configFile + ": model.type");
            }
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).trim().equals("model")) {
                f = named(s.substring(eq + 1), "--set model");
            }
        }
        return f;
    }

    /** The model of a run directory, from its {@code config.yaml}. */
    public static ModelFamily ofRun(Path runDir) {
        Path cfg = runDir.resolve("config.yaml");
        if (!Files.isRegularFile(cfg)) {
            throw new DataException(runDir + ": not a LatentLab run directory (no config.yaml)");
        }
        return of(cfg, List.of());
    }

    /** The overrides without {@code model=lfads}, which names the LFADS config but is no key of it. */
    public static List<String> overridesFor(ModelFamily f, List<String> sets) {
        List<String> out = new ArrayList<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            boolean choice = eq > 0 && s.substring(0, eq).trim().equals("model");
            if (!(choice && f == LFADS)) {
                out.add(s);
            }
        }
        return out;
    }

    private static ModelFamily named(String name, String where) {
        String want = Names.enumKey(name);
        for (ModelFamily f : values()) {
            if (Names.enumKey(f.key).equals(want)) {
                return f;
            }
        }
        throw new DataException(where + " must be one of lfads, ilqr-vae, got '" + name.trim() + "'");
    }
}
