package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelGenerator;
import java.util.Map;
import java.util.function.Function;

/**
 * Target search for generators without a latent space: tries the seeds {@code s, s + 2^32, s + 2·2^32, ...} (so
 * searches from different seeds never share candidates) until a level meets the targets.
 */
public final class SeedSearch {

    static final long STRIDE = 1L << 32;
    /** How the search runs, for reports. */
    public static final String DESCRIPTION = "successive seeds s, s+2^32, ...";

    private SeedSearch() {
    }

    /** The first level of seeds {@code seed + k·2^32} that meets {@code targets}, named {@code <generator>-<seed>}. */
    public static <L extends TileGrid, M extends Enum<M> & Targets.Measure> SearchResult<L, M> search(
            LevelGenerator<L> generator, Targets<L, M> targets, long seed, int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new UserInputException("maxEvaluations must be at least 1, got " + maxEvaluations);
        }
        Function<L, Map<M, Double>> measurer = targets.measurer();
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
}
