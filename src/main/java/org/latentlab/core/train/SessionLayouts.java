package org.latentlab.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.model.lfads.LfadsShape;

/**
 * {@code sessions.json} of a multi-session run: each session's name and channel counts, in model order.
 * It is what rebuilds the model for inference on new data of one of the sessions, when the other
 * sessions' files are not at hand.
 */
public final class SessionLayouts {
    static final String FILE = "sessions.json";

    /** One session as the model saw it. */
    public record Layout(String name, int heldIn, int recon, int extInputs) {
    }

    private SessionLayouts() {
    }

    /** Writes the layouts of a multi-session dataset into a run directory (nothing for a single session). */
    public static void write(RunDirectory dir, Dataset data) {
        if (data.sessions().size() < 2) {
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Session s : data.sessions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("held_in_channels", s.heldInChannels());
            m.put("recon_channels", s.reconChannels());
            m.put("ext_input_channels", s.extInputChannels());
            out.add(m);
        }
        dir.writeJson(dir.path().resolve(FILE), out);
    }

    /** The run's sessions, or null for a single-session run. */
    public static List<Layout> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            List<Layout> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(f.toFile())) {
                out.add(new Layout(n.get("name").asText(), n.get("held_in_channels").asInt(),
                        n.get("recon_channels").asInt(), n.get("ext_input_channels").asInt()));
            }
            return out;
        } catch (IOException | NullPointerException e) {
            throw DataException.inFile(f, "unreadable (" + e.getMessage() + ")");
        }
    }

    /**
     * Shapes to rebuild a multi-session model with, for new data of session {@code index}: every session
     * takes the new data's bins (the recurrent model is not tied to the training length).
     */
    static List<LfadsShape> shapes(List<Layout> layouts, int index, Session data, LfadsConfig cfg) {
        Layout own = layouts.get(index);
        if (data.heldInChannels() != own.heldIn() || data.reconChannels() != own.recon()
                || data.extInputChannels() != own.extInputs()) {
            throw new DataException(data.name() + ": has " + data.heldInChannels() + " held-in, " + data.reconChannels()
                    + " recon and " + data.extInputChannels() + " external-input channels but session '" + own.name()
                    + "' was trained with " + own.heldIn() + ", " + own.recon() + " and " + own.extInputs());
        }
        List<LfadsShape> shapes = new ArrayList<>();
        int readin = cfg.model().multiSessionReadinDim();
        for (Layout l : layouts) {
            LfadsShape s = LfadsSession.shape(data, cfg.model(), readin);
            shapes.add(new LfadsShape(l.heldIn(), l.recon(), s.encodBins(), s.reconBins(), s.extInputs(), s.icEncDim(),
                    s.ciEncDim(), s.ciLag(), s.conDim(), s.coDim(), s.icDim(), s.genDim(), s.facDim(), s.icEncSeqLen(),
                    s.cellClip(), s.icPostVarMin(), s.icPriorVar(), s.coPriorTau(), s.coPriorNvar(), readin));
        }
        return shapes;
    }

    /** The index of the session named {@code name}, or a one-line error listing the run's sessions. */
    static int index(List<Layout> layouts, String name, Path runDir) {
        for (int i = 0; i < layouts.size(); i++) {
            if (layouts.get(i).name().equals(name)) {
                return i;
            }
        }
        List<String> names = new ArrayList<>();
        layouts.forEach(l -> names.add(l.name()));
        throw new DataException(runDir + ": has no session '" + name + "' (its sessions: " + String.join(", ", names)
                + "); name the session with --session");
    }
}
