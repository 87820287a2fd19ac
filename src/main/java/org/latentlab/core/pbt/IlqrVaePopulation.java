package org.latentlab.core.pbt;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.PbtConfig;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.train.Checkpoint;
import org.latentlab.core.train.IlqrVaeRun;
import org.latentlab.core.train.IlqrVaeSession;
import org.latentlab.core.train.MemberAdamW;
import org.latentlab.core.train.RunDirectory;

/**
 * A population of iLQR-VAEs on one session. Members are ranked by their smoothed validation −ELBO (the loss
 * {@code train} stops on); the best is written as an ordinary iLQR-VAE run (its config with the member's
 * hyperparameters, checkpoint, posterior-mean outputs, and the summary fields {@code infer} reads).
 */
final class IlqrVaePopulation implements PopulationModel {
    private final PbtRun.Spec spec;
    private final IlqrVaePbtConfig c;
    private final HyperSpace space;

    IlqrVaePopulation(PbtRun.Spec spec, IlqrVaePbtConfig c) {
        this.spec = spec;
        this.c = c;
        this.space = HyperSpace.of(c.search());
    }

    private Session session() {
        return spec.data().first();
    }

    @Override
    public Record config() {
        return c;
    }

    @Override
    public Record defaults() {
        return IlqrVaePbtConfig.defaults();
    }

    @Override
    public PbtConfig pbt() {
        return c.pbt();
    }

    @Override
    public HyperSpace space() {
        return space;
    }

    @Override
    public String metricName() {
        return "valid_loss_smth (the smoothed validation -ELBO)";
    }

    @Override
    public int burnIn() {
        return c.pbt().burnIn(c.train().klWarmupEpochs());
    }

    @Override
    public int maxEpochs() {
        return c.train().maxEpochs();
    }

    @Override
    public void check() {
        if (spec.data().sessions().size() != 1) {
            throw new DataException("an iLQR-VAE takes one --data file, got " + spec.data().sessions().size());
        }
        IlqrVaeSession.checkTrainable(session(), c.ilqrVae());
    }

    @Override
    public void prepare(RunDirectory dir) {
        // A single session: nothing beside the config.
    }

    @Override
    public PopulationExecutor executor() {
        return new IlqrVaeExecutor(session(), c, spec.seed());
    }

    @Override
    public void writeMember(RunDirectory dir, PopulationExecutor ex, int m, double[] hyper, int epochs, double metric,
                            double trainingSeconds, int samples, Map<String, Object> summary) {
        IlqrVaeConfig cfg = space.apply(c.ilqrVae(), hyper);
        Session data = session();
        try (IlqrVaeSession one = new IlqrVaeSession(data, cfg, spec.seed())) {
            one.model.params().setMemberValues(0, ex.memberWeights(m));
            // The exported checkpoint is for inference: the member's weights, fresh optimizer moments.
            Checkpoint.save(dir.bestCheckpoint(), one.model.params(),
                    new MemberAdamW(one.model.params(), cfg.train().adamEpsilon()),
                    new Checkpoint.State(epochs - 1, metric, epochs - 1, metric, 0,
                            new double[] {hyper[HyperSpace.ILQR_LR]}, trainingSeconds, 0));
            AtomicFiles.writeString(dir.path().resolve("config.yaml"), ConfigIO.toYaml(cfg));
            IlqrVaeRun.Written w = IlqrVaeRun.writeOutputs(one, data, dir.path(), Progress.NONE);
            summary.put("scores", w.outputs().scores());
            summary.put("output_file", w.file().getFileName().toString());
            summary.put("validated_on", data.has(Split.VALID) ? "valid" : "train (no valid split)");
            Map<String, Object> solver = new LinkedHashMap<>();
            solver.put("chunk_bins", one.chunkBins);
            solver.put("output_solve_failures", w.outputs().failed());
            IlqrVaeRun.describeModel(summary, one, solver);
        }
    }
}
