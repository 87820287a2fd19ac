package org.latentlab.core.model.dynamics;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.core.model.nn.MemberParams;

/** Test helper: random values for every dynamics parameter (initial weights have zeros that hide mistakes). */
public final class DynamicsTestSupport {
    private DynamicsTestSupport() {
    }

    public static void randomise(MemberParams p, long seed, double std) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Map.Entry<String, NDArray> e : p.all().entrySet()) {
            if (!e.getKey().startsWith("dyn.")) {
                continue;
            }
            float[] v = new float[(int) e.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * std);
            }
            p.assign(e.getKey(), p.manager().create(v, e.getValue().getShape()));
        }
    }
}
