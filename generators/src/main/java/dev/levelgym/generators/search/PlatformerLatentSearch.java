package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.gan.PlatformerGan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * {@link DungeonLatentSearch} for a platformer GAN: CMA-ES over the concatenated latent vectors of a stitched level of
 * {@code segments} segments ({@link PlatformerGan#stitched(List)}, plain side-by-side joins: put
 * {@code completion=1} in the targets to ask for a completable level), starting at the seed's latents
 * ({@link PlatformerGan#latents}) with step size 1, minimising {@link PlatformerTargets#shortfall} and stopping at the
 * first level that meets every target. A stitch without a start cell scores worse than any level. CMA-ES draws from
 * a {@link MersenneTwister} seeded with the level's seed, so the same seed gives the same level.
 */
public final class PlatformerLatentSearch {

    /** Worse than any measured level's shortfall (which is capped at 1 + 1e6). */
    private static final double NO_LEVEL = 1e7;

    private final PlatformerGan gan;
    private final PlatformerTargets targets;
    private final int segments;
    private final int maxEvaluations;
    private final PlatformerSolver solver = new PlatformerSolver();

    public PlatformerLatentSearch(PlatformerGan gan, PlatformerTargets targets, int segments, int maxEvaluations) {
        if (maxEvaluations < 1 || segments < 1) {
            throw new UserInputException("segments and maxEvaluations must be at least 1, got " + segments
                    + " and " + maxEvaluations);
        }
        this.gan = gan;
        this.targets = targets;
        this.segments = segments;
        this.maxEvaluations = maxEvaluations;
    }

    /** Thrown out of the objective to stop CMA-ES at the first level that meets the targets. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    /**
     * @throws IllegalStateException if no level tried had a start cell
     */
    public PlatformerSearchResult search(long seed) {
        String id = PlatformerGan.NAME + "-" + seed;
        List<float[]> start = gan.latents(seed, segments);
        int size = start.get(0).length;
        int n = size * segments;
        PlatformerSearchResult[] best = {null};
        double[] bestShortfall = {Double.POSITIVE_INFINITY};
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(z -> {
            List<float[]> latents = new ArrayList<>(segments);
            for (int s = 0; s < segments; s++) {
                float[] latent = new float[size];
                for (int i = 0; i < size; i++) {
                    latent[i] = (float) z[s * size + i];
                }
                latents.add(latent);
            }
            evaluations[0]++;
            PlatformerLevel level = PlatformerGan.parseOrNull(gan.stitched(latents), id);
            if (level == null) {
                return NO_LEVEL;
            }
            Map<PlatformerTargets.Measure, Double> values = targets.measure(level, solver);
            double shortfall = targets.shortfall(values);
            if (shortfall < bestShortfall[0]) {
                bestShortfall[0] = shortfall;
                best[0] = new PlatformerSearchResult(level, shortfall == 0, evaluations[0], values);
                if (shortfall == 0) {
                    throw new Found();
                }
            }
            return shortfall;
        });
        double[] guess = new double[n];
        for (int s = 0; s < segments; s++) {
            for (int i = 0; i < size; i++) {
                guess[s * size + i] = start.get(s)[i];
            }
        }
        double[] sigma = new double[n];
        Arrays.fill(sigma, 1.0);
        CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false,
                null);
        try {
            cma.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE, new InitialGuess(guess),
                    SimpleBounds.unbounded(n), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
        } catch (Found | TooManyEvaluationsException e) {
            // stopped: found, or out of budget
        }
        PlatformerSearchResult b = best[0];
        if (b == null) {
            throw new IllegalStateException("no level with a start cell in " + evaluations[0] + " evaluations for seed "
                    + seed);
        }
        return new PlatformerSearchResult(b.level(), b.met(), b.met() ? b.evaluations() : evaluations[0],
                b.measures());
    }
}
