package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.LevelGenerator;
import java.util.Map;

/**
 * Target search for generators without a latent space: tries the seeds {@code s, s + 2^32, s + 2·2^32, ...} (so
 * searches from different seeds never share candidates) until a level meets the targets.
 */
public final class DungeonSeedSearch {

    static final long STRIDE = 1L << 32;

    private DungeonSeedSearch() {
    }

    public static DungeonSearchResult search(LevelGenerator generator, DungeonTargets targets, long seed, int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new UserInputException("maxEvaluations must be at least 1, got " + maxEvaluations);
        }
        DungeonSolver solver = new DungeonSolver();
        DungeonSearchResult best = null;
        double bestShortfall = Double.POSITIVE_INFINITY;
        for (int k = 0; k < maxEvaluations; k++) {
            DungeonLevel level = generator.generate(seed + k * STRIDE).withId(generator.name() + "-" + seed);
            Map<DungeonTargets.Measure, Double> values = targets.measure(level, solver);
            double shortfall = targets.shortfall(values);
            if (shortfall < bestShortfall) {
                bestShortfall = shortfall;
                best = new DungeonSearchResult(level, shortfall == 0, k + 1, values, 0);
                if (shortfall == 0) {
                    break;
                }
            }
        }
        return new DungeonSearchResult(best.level(), best.met(),
                best.met() ? best.evaluations() : maxEvaluations, best.measures(), 0);
    }
}
