package org.latentlab.core.config;

/**
 * Population-based training (reference §2): how many members, how long a generation is, when exploiting
 * starts, how members copy and perturb each other, and when the search stops. Under PBT the single-run
 * stopping rules of {@code train} (patience, plateau scheduler, {@code max_minutes}) do not apply; a member's
 * learning rate is its hyperparameter, constant within a generation; {@code train.max_epochs} still caps the
 * run.
 *
 * @param population          members trained side by side; 16 as NeuroCAAS's AutoLFADS (lfads-torch uses 20)
 * @param epochsPerGeneration epochs between exploit/explore steps; 25 as lfads-torch
 * @param maxGenerations      hard limit on generations; 50 as autolfads-tf2
 * @param burnInEpochs        no exploit before this epoch; -1 = when the KL and L2 ramps end (the KL warm-up
 *                            for an iLQR-VAE)
 * @param exploit             tournament (lfads-torch's binary tournament) or truncation
 * @param quantile            for truncation: the fraction of members in the bottom (and top) group; 0.25
 * @param resampleProbability chance that explore redraws a value from its initial distribution instead of
 *                            perturbing it; 0 as lfads-torch
 * @param patience            stop when the population's best smoothed validation recon has not improved by
 *                            {@code min_improvement} (relative) over this many generations after burn-in; 4
 * @param minImprovement      that relative threshold; 5e-4 as lfads-torch and autolfads-tf2
 * @param maxMinutes          wall-clock budget: no generation starts that would end after it (estimated from the
 *                            last generation), 0 = none; 26, so the default run ends within 30 minutes on a laptop
 * @param executor            vectorised (batched models) or per_member (one-member models, for populations that
 *                            do not fit in memory); both give the same numbers up to rounding. A population of
 *                            iLQR-VAEs always trains one member at a time (its solver runs per trial)
 * @param workers             models trained side by side, each in its own thread on {@code train.threads / workers}
 *                            libtorch threads: the vectorised executor splits the population into this many
 *                            batched models (shards), the per-member executor trains this many members at a time;
 *                            0 = one per libtorch thread on the CPU, one on a GPU. Changes speed and memory, and
 *                            results only within float rounding
 * @param liveSamples         when > 0, after every generation the current best member is written as a run of
 *                            its own under {@code live/} with this many posterior samples (the workbench's
 *                            Inspect follows it during training); 0 = off, as on the command line
 * @param search              the search space; its type follows the model ({@code lfads} or {@code ilqr-vae})
 */
public record PbtConfig(int population, int epochsPerGeneration, int maxGenerations, int burnInEpochs,
                        ExploitMethod exploit, double quantile, double resampleProbability, int patience,
                        double minImprovement, double maxMinutes, PopulationExecutorKind executor,
                        int workers, int liveSamples, SearchSpace search) {

    public PbtConfig {
        Check.positive("population", population);
        if (population < 2) {
            throw new IllegalArgumentException("population must be at least 2, got " + population);
        }
        Check.positive("epochs_per_generation", epochsPerGeneration);
        Check.positive("max_generations", maxGenerations);
        if (burnInEpochs < -1) {
            throw new IllegalArgumentException("burn_in_epochs must be -1 (the ramps' end) or >= 0, got " + burnInEpochs);
        }
        Check.notNull("exploit", exploit);
        if (!(quantile > 0 && quantile <= 0.5)) {
            throw new IllegalArgumentException("quantile must be in (0, 0.5], got " + quantile);
        }
        Check.closed("resample_probability", resampleProbability, 0, 1);
        Check.positive("patience", patience);
        Check.nonNegative("min_improvement", minImprovement);
        Check.nonNegative("max_minutes", maxMinutes);
        Check.notNull("executor", executor);
        Check.nonNegative("workers", workers);
        Check.nonNegative("live_samples", liveSamples);
        Check.notNull("search", search);
    }

    public static PbtConfig defaults() {
        return new PbtConfig(16, 25, 50, -1, ExploitMethod.TOURNAMENT, 0.25, 0.0, 4, 5e-4, 26.0,
                PopulationExecutorKind.VECTORISED, 0, 0, LfadsSearch.defaults());
    }

    /** The first epoch at which members may be exploited. */
    public int burnIn(TrainConfig train) {
        return burnIn(train.burnInEpochs());
    }

    /** The first epoch at which members may be exploited, when the model's ramps end at {@code rampsEnd}. */
    public int burnIn(int rampsEnd) {
        return burnInEpochs >= 0 ? burnInEpochs : rampsEnd;
    }
}
