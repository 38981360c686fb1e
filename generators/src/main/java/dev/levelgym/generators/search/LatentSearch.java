package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Target search in a generator's latent space with CMA-ES (Hansen; Apache Commons Math's {@link CMAESOptimizer}),
 * as in MarioGAN's latent-variable evolution. The search starts at the seed's latent vector with step size 1 (the
 * latents' standard deviation) and minimises {@link Targets#shortfall} of the decoded level, stopping at the first
 * level that meets every target; a vector that decodes to no level scores worse than any level. CMA-ES draws from a
 * {@link MersenneTwister} seeded with the level's seed, so the same seed gives the same level and evaluation count.
 * Not thread-safe.
 */
public final class LatentSearch<L, M extends Enum<M> & Targets.Measure> implements TargetSearch<L, M> {

    /** Worse than any measured level's shortfall (which is capped at 1 + 1e6). */
    private static final double NO_LEVEL = 1e7;

    private final LatentSpace<L> space;
    private final String name;
    private final Targets<L, M> targets;
    private final Function<L, Map<M, Double>> measurer;
    private final int maxEvaluations;

    /** @param name the generator's name: level {@code s} is called {@code <name>-<s>} */
    public LatentSearch(LatentSpace<L> space, String name, Targets<L, M> targets, int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new UserInputException("maxEvaluations must be at least 1, got " + maxEvaluations);
        }
        this.space = space;
        this.name = name;
        this.targets = targets;
        this.measurer = targets.measurer();
        this.maxEvaluations = maxEvaluations;
    }

    /** Thrown out of the objective to stop CMA-ES at the first level that meets the targets. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    /** @throws IllegalStateException if no vector tried decoded to a level */
    @Override
    public SearchResult<L, M> search(long seed) {
        String id = name + "-" + seed;
        double[] start = space.latent(seed);
        int n = start.length;
        @SuppressWarnings("unchecked")
        SearchResult<L, M>[] best = new SearchResult[1];
        double[] bestShortfall = {Double.POSITIVE_INFINITY};
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(z -> {
            evaluations[0]++;
            LatentSpace.Decoded<L> decoded = space.decode(z, id);
            if (decoded == null) {
                return NO_LEVEL;
            }
            Map<M, Double> values = measurer.apply(decoded.level());
            double shortfall = targets.shortfall(values);
            if (shortfall < bestShortfall[0]) {
                bestShortfall[0] = shortfall;
                best[0] = new SearchResult<>(decoded.level(), shortfall == 0, evaluations[0], values,
                        decoded.repairEdits());
                if (shortfall == 0) {
                    throw new Found();
                }
            }
            return shortfall;
        });
        double[] sigma = new double[n];
        Arrays.fill(sigma, 1.0);
        CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false,
                null);
        try {
            cma.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE, new InitialGuess(start),
                    SimpleBounds.unbounded(n), new CMAESOptimizer.Sigma(sigma),
                    // Hansen's default population for dimension n, 14 at n = 32.
                    new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
        } catch (Found | TooManyEvaluationsException e) {
            // stopped: found, or out of budget
        }
        SearchResult<L, M> b = best[0];
        if (b == null) {
            throw new IllegalStateException("no level in " + evaluations[0] + " evaluations for seed " + seed);
        }
        return b.met() ? b : b.withEvaluations(evaluations[0]);
    }

    @Override
    public String describe() {
        return "CMA-ES in " + space.latentSpaceName();
    }
}
