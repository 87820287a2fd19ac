package org.latentlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.eval.InputRecovery;
import org.latentlab.core.eval.LatentR2;

/**
 * Every score of a fitted model on every split, from posterior-averaged outputs: bits per spike, co-bps,
 * fp-bps, rate R² (SplitScores), and where the data carry truth, input recovery of the inferred inputs and
 * cross-validated latent R² of the factors (DESIGN.md's definitions). NaN where a score does not apply.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param rates   {@code output_params} per split
     * @param factors {@code factors} per split
     * @param inputs  {@code gen_inputs} per split (absent without a controller)
     */
    public static Map<String, Map<String, Double>> of(Session data, Map<Split, Tensor3> rates,
                                                      Map<Split, Tensor3> factors, Map<Split, Tensor3> inputs,
                                                      boolean counts) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map.Entry<Split, Tensor3> e : rates.entrySet()) {
            SplitData d = data.split(e.getKey());
            Map<String, Double> m = new LinkedHashMap<>(SplitScores.of(data, d, e.getValue(), counts).asMap());
            Tensor3 in = inputs.get(e.getKey());
            if (d.inputsTruth() != null && in != null && d.trials() >= 4) {
                Tensor3 inferred = in.time() == d.inputsTruth().time() ? in : in.sliceTime(0, d.inputsTruth().time());
                InputRecovery.Result r = InputRecovery.score(inferred, d.inputsTruth());
                m.put("input_corr", r.correlation());
                m.put("input_corr_best_lag", r.bestLagCorrelation());
                m.put("input_best_lag", (double) r.bestLag());
            }
            Tensor3 f = factors.get(e.getKey());
            if (d.latentsTruth() != null && f != null && d.trials() >= 5) {
                Tensor3 fac = f.time() == d.latentsTruth().time() ? f : f.sliceTime(0, d.latentsTruth().time());
                LatentR2.Result r = LatentR2.of(fac, d.latentsTruth());
                m.put("latent_r2_forward", r.forward());
                m.put("latent_r2_backward", r.backward());
            }
            out.put(e.getKey().key(), m);
        }
        return out;
    }
}
