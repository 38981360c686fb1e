package dev.levelgym.generators.search;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import java.util.Map;

/**
 * The outcome of a platformer target search for one level.
 *
 * @param level       the first level that met the targets, or the closest one found if none did
 * @param met         whether it meets every target
 * @param evaluations levels generated and measured until it was found (or the budget ran out)
 * @param measures    its measured values
 */
public record PlatformerSearchResult(PlatformerLevel level, boolean met, int evaluations,
                                     Map<PlatformerTargets.Measure, Double> measures) {
}
