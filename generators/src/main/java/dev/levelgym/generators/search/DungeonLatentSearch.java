package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.gan.DungeonGan;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Target search in a GAN's latent space with CMA-ES (Hansen; Apache Commons Math's {@link CMAESOptimizer}), as in
 * MarioGAN's latent-variable evolution. The search starts at the seed's latent vector with step size 1 (the
 * latents' standard deviation) and minimises {@link DungeonTargets#shortfall} of the repaired level, stopping at the first
 * level that meets every target. CMA-ES draws from a {@link MersenneTwister} seeded with the level's seed, so the
 * same seed gives the same level and evaluation count.
 */
public final class DungeonLatentSearch {

    private final DungeonGan generator;
    private final DungeonTargets targets;
    private final int maxEvaluations;
    private final DungeonSolver solver = new DungeonSolver();

    public DungeonLatentSearch(DungeonGan generator, DungeonTargets targets, int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new UserInputException("maxEvaluations must be at least 1, got " + maxEvaluations);
        }
        this.generator = generator;
        this.targets = targets;
        this.maxEvaluations = maxEvaluations;
    }

    /** Thrown out of the objective to stop CMA-ES at the first level that meets the targets. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    public DungeonSearchResult search(long seed) {
        String id = DungeonGan.NAME + "-" + seed;
        float[] start = generator.model().latent(seed);
        int n = start.length;
        DungeonSearchResult[] best = {null};
        double[] bestShortfall = {Double.POSITIVE_INFINITY};
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(z -> {
            float[] latent = new float[n];
            for (int i = 0; i < n; i++) {
                latent[i] = (float) z[i];
            }
            DungeonRepair.Result r = generator.level(latent, id);
            Map<DungeonTargets.Measure, Double> values = targets.measure(r.level(), solver);
            double shortfall = targets.shortfall(values);
            evaluations[0]++;
            if (shortfall < bestShortfall[0]) {
                bestShortfall[0] = shortfall;
                best[0] = new DungeonSearchResult(r.level(), shortfall == 0, evaluations[0], values, r.edits().size());
                if (shortfall == 0) {
                    throw new Found();
                }
            }
            return shortfall;
        });
        double[] guess = new double[n];
        for (int i = 0; i < n; i++) {
            guess[i] = start[i];
        }
        double[] sigma = new double[n];
        Arrays.fill(sigma, 1.0);
        CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false,
                null);
        try {
            cma.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE, new InitialGuess(guess),
                    SimpleBounds.unbounded(n), new CMAESOptimizer.Sigma(sigma),
                    // Hansen's default population for dimension n, 14 at n = 32.
                    new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
        } catch (Found | TooManyEvaluationsException e) {
            // stopped: found, or out of budget
        }
        DungeonSearchResult b = best[0];
        return new DungeonSearchResult(b.level(), b.met(), b.met() ? b.evaluations() : evaluations[0], b.measures(),
                b.repairEdits());
    }
}
