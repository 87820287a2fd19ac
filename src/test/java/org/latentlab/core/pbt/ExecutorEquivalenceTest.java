package org.latentlab.core.pbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.Overrides;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.TestSessions;
import org.latentlab.core.train.EpochMetrics;

/**
 * The per-member executor draws each member's data order, masks and posterior samples from the same streams
 * as the vectorised one, so after an epoch every member's metrics agree to float rounding (1e-4 relative).
 */
class ExecutorEquivalenceTest {
    private static final int MEMBERS = 3;
    private static final AutoLfadsConfig CONFIG = Overrides.apply(AutoLfadsConfig.defaults(),
            new ArrayList<>(PbtRunTest.TINY));

    /** One session, and two (the second a copy under another name) sharing the model. */
    static List<Dataset> datasets() {
        Session s = TestSessions.full();
        Session copy = new Session("copy", s.binSizeMs(), s.conversionFactor(), s.splits(), s.channelNames(),
                s.attributes());
        return List.of(Dataset.of(s), new Dataset(List.of(s, copy)));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void perMemberTrainingMatchesTheVectorisedPopulation(Dataset data) {
        LfadsConfig cfg = CONFIG.lfads();
        double[][] hyper = hyper();
        assertNotEquals(hyper[0][Hyperparameter.DROPOUT_RATE.ordinal()], hyper[1][Hyperparameter.DROPOUT_RATE.ordinal()]);
        EpochMetrics[] vec = run(new VectorisedExecutor(data, cfg, MEMBERS, 5), hyper);
        EpochMetrics[] per = run(SwappingExecutor.perMember(data, cfg, MEMBERS, 5, 1, 2), hyper);
        assertAgree(vec, per, 1e-4);
        // Two workers, each training every other member: whichever trains a member, it trains the same.
        assertAgree(per, run(SwappingExecutor.perMember(data, cfg, MEMBERS, 5, 2, 1), hyper), 1e-4);
    }

    /**
     * Shards (here of one member and of two, each trained in its own thread on one libtorch thread) train each
     * member as the one batched model does, and a sharded run repeats itself exactly: the shards' random draws
     * from libtorch's one generator do not interleave.
     */
    @ParameterizedTest
    @MethodSource("datasets")
    void shardsTrainingSideBySideMatchTheOneModelPopulation(Dataset data) {
        LfadsConfig cfg = CONFIG.lfads();
        double[][] hyper = hyper();
        EpochMetrics[] vec = run(new VectorisedExecutor(data, cfg, MEMBERS, 5), hyper);
        EpochMetrics[] sharded = run(SwappingExecutor.shards(data, cfg, MEMBERS, 5, 2, 1), hyper);
        assertAgree(vec, sharded, 1e-4);
        assertAgree(sharded, run(SwappingExecutor.shards(data, cfg, MEMBERS, 5, 2, 1), hyper), 0);
    }

    /** The initial hyperparameters of a tiny population of {@code MEMBERS}, as PBT draws them with seed 5. */
    private static double[][] hyper() {
        HyperSpace space = HyperSpace.of(CONFIG.search());
        return Population.initial(Overrides.apply(CONFIG.pbt(), List.of("population=" + MEMBERS)), space,
                space.configured(CONFIG), 5).hyper;
    }

    private static void assertAgree(EpochMetrics[] a, EpochMetrics[] b, double relative) {
        for (int m = 0; m < MEMBERS; m++) {
            for (String k : List.of("loss", "recon", "kl_ic", "kl_co", "l2", "valid_loss", "valid_recon", "valid_r2",
                    "grad_norm")) {
                double x = a[m].columns().get(k);
                double y = b[m].columns().get(k);
                assertEquals(x, y, relative * Math.max(Math.abs(x), 1e-6), "member " + m + " " + k);
            }
        }
    }

    private static EpochMetrics[] run(PopulationExecutor ex, double[][] hyper) {
        EpochMetrics[] last = new EpochMetrics[MEMBERS];
        double[] smooth = new double[MEMBERS];
        Arrays.fill(smooth, Double.NaN);
        try (ex) {
            ex.train(0, 1, hyper, smooth, 1, new PopulationListener() {
                @Override
                public void onMemberEpoch(int member, EpochMetrics metrics) {
                    last[member] = metrics;
                }
            });
        }
        return last;
    }
}
