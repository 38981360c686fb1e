package dev.levelgym.generators.search;

import java.util.Map;

/**
 * The outcome of a target search for one level.
 *
 * @param level       the first level that met the targets, or the closest one found if none did
 * @param met         whether it meets every target
 * @param evaluations levels generated and measured until it was found (or the budget ran out)
 * @param measures    its measured values
 * @param repairEdits tile edits repair made to its draft (0 for generators whose levels need none)
 */
public record SearchResult<L, M>(L level, boolean met, int evaluations, Map<M, Double> measures, int repairEdits) {

    /** The same result with {@code evaluations}. */
    SearchResult<L, M> withEvaluations(int count) {
        return new SearchResult<>(level, met, count, measures, repairEdits);
    }
}
