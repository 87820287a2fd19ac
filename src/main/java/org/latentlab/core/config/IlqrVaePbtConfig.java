package org.latentlab.core.config;

import org.latentlab.core.data.DataException;

/**
 * Population-based training of iLQR-VAEs ({@code pbt --set model=ilqr-vae}): the iLQR-VAE sections every
 * member shares, plus the population's {@code pbt} section with the iLQR-VAE search space (learning rate,
 * L2 regularisation, input prior scale).
 *
 * <p>Defaults differ from AutoLFADS's population: 8 members and generations of 10 epochs, because an
 * iLQR-VAE epoch on the sample's size takes about 2 s of solver time on two CPU cores, so 16 members of 25
 * epochs would leave two generations in half an hour. Burn-in is the KL warm-up. Members train one after
 * another ({@code executor: per_member}): the solver already spreads each batch's trials over the cores.
 * Under PBT a member's learning rate is its hyperparameter, constant within a generation (no decay
 * schedule), and {@code train.max_minutes} and {@code train.patience} give way to the {@code pbt} limits.
 */
public record IlqrVaePbtConfig(IlqrModel model, IlqrTrainConfig train, PbtConfig pbt) {
    public IlqrVaePbtConfig {
        Check.notNull("model", model);
        Check.notNull("train", train);
        Check.notNull("pbt", pbt);
        if (!(pbt.search() instanceof IlqrVaeSearch)) {
            throw new DataException("pbt.search must be ilqr-vae for a population of iLQR-VAEs");
        }
        if (pbt.executor() != PopulationExecutorKind.PER_MEMBER) {
            throw new DataException("pbt.executor must be per_member for a population of iLQR-VAEs (their solver "
                    + "runs per trial, so they are not batched into one model)");
        }
        if (pbt.workers() > 1) {
            throw new DataException("pbt.workers must be 0 or 1 for a population of iLQR-VAEs, got " + pbt.workers()
                    + " (members train one at a time; the solver already spreads each batch's trials over the cores)");
        }
    }

    public static IlqrVaePbtConfig defaults() {
        PbtConfig p = PbtConfig.defaults();
        p = new PbtConfig(8, 10, p.maxGenerations(), p.burnInEpochs(), p.exploit(), p.quantile(),
                p.resampleProbability(), p.patience(), p.minImprovement(), p.maxMinutes(),
                PopulationExecutorKind.PER_MEMBER, p.workers(), p.liveSamples(), IlqrVaeSearch.defaults());
        IlqrVaeConfig d = IlqrVaeConfig.defaults();
        return new IlqrVaePbtConfig(d.model(), d.train(), p);
    }

    /** The shared iLQR-VAE config (before any member's hyperparameters). */
    public IlqrVaeConfig ilqrVae() {
        return new IlqrVaeConfig(model, train);
    }

    public IlqrVaeSearch search() {
        return (IlqrVaeSearch) pbt.search();
    }
}
