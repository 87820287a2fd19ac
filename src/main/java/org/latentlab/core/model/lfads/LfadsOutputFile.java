package org.latentlab.core.model.lfads;

import java.nio.file.Path;
import java.util.Map;
import org.latentlab.core.data.LfadsH5Writer;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.Tensor3;

/**
 * {@code lfads_output_<stem>.h5}: a copy of the input data plus {@code {split}_<output>} for every split,
 * under lfads-torch's keys. {@code output_params} holds distribution means (expected counts for Poisson);
 * {@code gen_inputs} are the inferred inputs u_t, aligned so u_t drives the step that produces bin t.
 */
public final class LfadsOutputFile {
    private LfadsOutputFile() {
    }

    public static String fileName(Session session) {
        return "lfads_output_" + session.name() + ".h5";
    }

    public static void write(Path out, Session session, Map<Split, PosteriorOutputs> outputs) {
        LfadsH5Writer.write(session, out, f -> outputs.forEach((split, o) -> o.shapes().forEach((name, shape) -> {
            String key = split.key() + "_" + name;
            float[] a = o.arrays().get(name);
            if (shape.length == 2) {
                LfadsH5Writer.put(f, key, Tensor3.of(o.trials(), shape[0], shape[1], a));
            } else {
                float[][] m = new float[o.trials()][shape[0]];
                for (int i = 0; i < o.trials(); i++) {
                    System.arraycopy(a, i * shape[0], m[i], 0, shape[0]);
                }
                f.putDataset(key, m);
            }
        })));
    }
}
