package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * The hyperparameters PBT tunes, one value per member, so a whole population trains as one batched model.
 * Plain training has one member.
 */
public record MemberHyper(float[] lr, float[] dropout, float[] cdRate, float[] klIc, float[] klCo, float[] l2Gen,
                          float[] l2Con, float[] l2IcEnc, float[] l2CiEnc) {

    public MemberHyper {
        int m = lr.length;
        for (float[] a : new float[][] {dropout, cdRate, klIc, klCo, l2Gen, l2Con, l2IcEnc, l2CiEnc}) {
            if (a.length != m) {
                throw new IllegalArgumentException("every hyperparameter needs " + m + " member values");
            }
        }
    }

    /** The same values for every one of {@code m} members. */
    public static MemberHyper uniform(int m, double lr, double dropout, double cdRate, double klIc, double klCo,
                                      double l2Gen, double l2Con, double l2IcEnc, double l2CiEnc) {
        return new MemberHyper(fill(m, lr), fill(m, dropout), fill(m, cdRate), fill(m, klIc), fill(m, klCo),
                fill(m, l2Gen), fill(m, l2Con), fill(m, l2IcEnc), fill(m, l2CiEnc));
    }

    public int members() {
        return lr.length;
    }

    private static float[] fill(int m, double v) {
        float[] a = new float[m];
        Arrays.fill(a, (float) v);
        return a;
    }

    /** A per-member tensor {@code [M]} of the given values, on the step's manager. */
    public static NDArray tensor(NDManager nd, float[] values) {
        return nd.create(values);
    }
}
