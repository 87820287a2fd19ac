package org.latentlab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.DataException;
import org.latentlab.core.model.nn.MemberParams;

/**
 * A training checkpoint: every parameter, the optimizer's moments and step counts, and the loop's state
 * (epoch, smoothed metric, early-stopping counters, learning rate, elapsed time). A zip holding
 * {@code state.json} and {@code tensors.ndlist} (DJL's encoding, names kept), and any further entries the
 * caller adds (an iLQR-VAE's solver warm starts), written atomically. The random state needs no saving: each
 * epoch seeds its generators from (run seed, epoch).
 */
public final class Checkpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /** The training loop's state besides the tensors. */
    public record State(int epoch, double bestSmooth, int bestEpoch, double lastSmooth, int epochsWithoutImprovement,
                        double[] lr, double elapsedSeconds, int lrWait) {
    }

    public static void save(Path file, MemberParams params, MemberAdamW opt, State state) {
        save(file, params, opt, state, Map.of());
    }

    /** As {@link #save(Path, MemberParams, MemberAdamW, State)} with further entries, by name. */
    public static void save(Path file, MemberParams params, MemberAdamW opt, State state, Map<String, byte[]> entries) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state);
        write(file, params, opt, json, entries);
    }

    /** Restores tensors in place and returns the loop state. */
    public static State load(Path file, MemberParams params, MemberAdamW opt) {
        JsonNode node = read(file, params, opt);
        try {
            return JSON.treeToValue(node.get("state"), State.class);
        } catch (IOException e) {
            throw DataException.inFile(file, "corrupt checkpoint state (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes every tensor, the optimizer's moments and step counts, and the caller's JSON fields (a training
     * loop's or a population's state), atomically.
     */
    public static void write(Path file, MemberParams params, MemberAdamW opt, Map<String, Object> fields) {
        write(file, params, opt, fields, Map.of());
    }

    /** As {@link #write(Path, MemberParams, MemberAdamW, Map)} with further entries, by name. */
    public static void write(Path file, MemberParams params, MemberAdamW opt, Map<String, Object> fields,
                             Map<String, byte[]> entries) {
        byte[] tensors;
        try (NDManager tmp = params.manager().newSubManager()) {
            NDList list = new NDList();
            params.all().forEach((name, a) -> list.add(named("param/" + name, a, tmp)));
            opt.firstMoments().forEach((name, a) -> list.add(named("adam_m/" + name, a, tmp)));
            opt.secondMoments().forEach((name, a) -> list.add(named("adam_v/" + name, a, tmp)));
            tensors = list.encode();
        }
        Map<String, Object> json = new LinkedHashMap<>(fields);
        json.put("adam_steps", opt.stepCounts());
        AtomicFiles.write(file, tmp -> {
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
                z.putNextEntry(new ZipEntry("state.json"));
                z.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
                z.closeEntry();
                z.putNextEntry(new ZipEntry("tensors.ndlist"));
                z.write(tensors);
                z.closeEntry();
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
        });
    }

    /** Restores tensors and optimizer state in place and returns the JSON fields written with them. */
    public static JsonNode read(Path file, MemberParams params, MemberAdamW opt) {
        byte[] stateJson = null;
        byte[] tensors = null;
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                byte[] b = readAll(z);
                if (e.getName().equals("state.json")) {
                    stateJson = b;
                } else if (e.getName().equals("tensors.ndlist")) {
                    tensors = b;
                }
            }
        } catch (IOException e) {
            throw DataException.inFile(file, "cannot read checkpoint (" + e.getMessage() + ")");
        }
        if (stateJson == null || tensors == null) {
            throw DataException.inFile(file, "not a LatentLab checkpoint (state.json or tensors.ndlist missing)");
        }
        try (NDManager tmp = params.manager().newSubManager()) {
            NDList list = NDList.decode(tmp, tensors);
            Map<String, NDArray> byName = new LinkedHashMap<>();
            for (NDArray a : list) {
                byName.put(a.getName(), a);
            }
            params.all().keySet().forEach(n -> params.assign(n, require(file, byName, "param/" + n)));
            opt.firstMoments().forEach((n, a) -> a.set(require(file, byName, "adam_m/" + n).toFloatArray()));
            opt.secondMoments().forEach((n, a) -> a.set(require(file, byName, "adam_v/" + n).toFloatArray()));
            var node = JSON.readTree(stateJson);
            float[] steps = JSON.treeToValue(node.get("adam_steps"), float[].class);
            opt.setStepCounts(steps);
            return node;
        } catch (IOException e) {
            throw DataException.inFile(file, "corrupt checkpoint state (" + e.getMessage() + ")");
        }
    }

    /** The entries of a checkpoint besides its state and tensors, by name (empty for one written without). */
    public static Map<String, byte[]> entries(Path file) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (!e.getName().equals("state.json") && !e.getName().equals("tensors.ndlist")) {
                    out.put(e.getName(), readAll(z));
                }
            }
        } catch (IOException e) {
            throw DataException.inFile(file, "cannot read checkpoint (" + e.getMessage() + ")");
        }
        return out;
    }

    private static NDArray require(Path file, Map<String, NDArray> byName, String name) {
        NDArray a = byName.get(name);
        if (a == null) {
            throw DataException.inFile(file, "checkpoint has no tensor '" + name + "' (a different model?)");
        }
        return a;
    }

    /** A named copy on a temporary manager (the original keeps its own name and manager). */
    private static NDArray named(String name, NDArray a, NDManager tmp) {
        NDArray d = a.duplicate();
        d.attach(tmp);
        d.setName(name);
        return d;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
