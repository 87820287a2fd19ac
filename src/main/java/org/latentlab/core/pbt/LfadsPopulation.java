package org.latentlab.core.pbt;

import java.util.Map;
import org.latentlab.core.Progress;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.PbtConfig;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Split;
import org.latentlab.core.train.Checkpoint;
import org.latentlab.core.train.LfadsRun;
import org.latentlab.core.train.LfadsSession;
import org.latentlab.core.train.MemberAdamW;
import org.latentlab.core.train.RunDirectory;
import org.latentlab.core.train.SessionLayouts;

/** AutoLFADS: a population of LFADS models over one or several sessions, batched or one member at a time. */
final class LfadsPopulation implements PopulationModel {
    private final PbtRun.Spec spec;
    private final AutoLfadsConfig c;
    private final HyperSpace space;

    LfadsPopulation(PbtRun.Spec spec, AutoLfadsConfig c) {
        this.spec = spec;
        this.c = c;
        this.space = HyperSpace.of(c.search());
    }

    @Override
    public Record config() {
        return c;
    }

    @Override
    public Record defaults() {
        return AutoLfadsConfig.defaults();
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
        return "valid_recon_smth";
    }

    @Override
    public int burnIn() {
        return c.pbt().burnIn(c.train());
    }

    @Override
    public int maxEpochs() {
        return c.train().maxEpochs();
    }

    @Override
    public void check() {
        LfadsRun.checkData(spec.data(), c.augment());
    }

    @Override
    public void prepare(RunDirectory dir) {
        SessionLayouts.write(dir, spec.data());
    }

    @Override
    public PopulationExecutor executor() {
        int members = c.pbt().population();
        SideBySide.Layout l = SideBySide.Layout.of(c.pbt().workers(), members, c.train().threads());
        return switch (c.pbt().executor()) {
            case VECTORISED -> l.workers() == 1 ? new VectorisedExecutor(spec.data(), c.lfads(), members, spec.seed())
                    : SwappingExecutor.shards(spec.data(), c.lfads(), members, spec.seed(), l.workers(), l.threadsEach());
            case PER_MEMBER -> SwappingExecutor.perMember(spec.data(), c.lfads(), members, spec.seed(), l.workers(),
                    l.threadsEach());
        };
    }

    /** An LFADS config holding one member's hyperparameter values. */
    LfadsConfig memberConfig(double[] hyper) {
        return space.apply(c.lfads(), hyper);
    }

    @Override
    public void writeMember(RunDirectory dir, PopulationExecutor ex, int m, double[] hyper, int epochs, double metric,
                            double trainingSeconds, int samples, Map<String, Object> summary) {
        LfadsConfig cfg = memberConfig(hyper);
        Dataset data = spec.data();
        try (LfadsSession one = new LfadsSession(data, cfg, 1, spec.seed())) {
            one.params.setMemberValues(0, ex.memberWeights(m));
            // The exported checkpoint is for inference: the member's weights, fresh optimizer moments.
            Checkpoint.save(dir.bestCheckpoint(), one.params, new MemberAdamW(one.params, cfg.train().adamEpsilon()),
                    new Checkpoint.State(epochs - 1, metric, epochs - 1, metric, 0,
                            new double[] {hyper[Hyperparameter.LR_INIT.ordinal()]}, trainingSeconds, 0));
            AtomicFiles.writeString(dir.path().resolve("config.yaml"), ConfigIO.toYaml(cfg));
            SessionLayouts.write(dir, data); // so infer rebuilds a multi-session member (live/ too)
            LfadsRun.Outputs written = LfadsRun.writeOutputs(one, data, spec.dataFiles(), dir.path(), samples,
                    Progress.NONE);
            summary.put("scores", written.scores());
            summary.put("output_file", written.firstFile().getFileName().toString());
            summary.put("validated_on", data.first().has(Split.VALID) ? "valid" : "train (no valid split)");
            written.describeSessions(summary, one.readinNote());
        }
    }
}
