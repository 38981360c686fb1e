package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelGenerator;
import java.util.Map;
import java.util.function.Function;

/**
 * Target search for generators without a latent space: tries the seeds {@code s, s + 2^32, s + 2·2^32, ...} (so
 * searches from different seeds never share candidates) until a level meets the targets; the level found is named
 * {@code <generator>-<s>}.
 */
public final class SeedSearch<L extends TileGrid, M extends Enum<M> & Targets.Measure> implements TargetSearch<L, M> {

    static final long STRIDE = 1L << 32;

    private final LevelGenerator<L> generator;
    private final Targets<L, M> targets;
    private final Function<L, Map<M, Double>> measurer;
    private final int maxEvaluations;

    public SeedSearch(LevelGenerator<L> generator, Targets<L, M> targets, int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new UserInputException("maxEvaluations must be at least 1, got " + maxEvaluations);
        }
        this.generator = generator;
        this.targets = targets;
        this.measurer = targets.measurer();
        this.maxEvaluations = maxEvaluations;
    }

    @Override
    public SearchResult<L, M> search(long seed) {
        SearchResult<L, M> best = null;
        double bestShortfall = Double.POSITIVE_INFINITY;
        for (int k = 0; k < maxEvaluations; k++) {
            @SuppressWarnings("unchecked") // every level type's withId returns its own type
            L level = (L) generator.generate(seed + k * STRIDE).withId(generator.name() + "-" + seed);
            Map<M, Double> values = measurer.apply(level);
            double shortfall = targets.shortfall(values);
            if (shortfall < bestShortfall) {
                bestShortfall = shortfall;
                best = new SearchResult<>(level, shortfall == 0, k + 1, values, 0);
                if (shortfall == 0) {
                    break;
                }
            }
        }
        return best.met() ? best : best.withEvaluations(maxEvaluations);
    }

    @Override
    public String describe() {
        return "successive seeds s, s+2^32, ...";
    }
}
