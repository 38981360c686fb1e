package dev.levelgym.generators.search;

import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelGenerator;

/**
 * A search for a level that meets designer targets, one seed at a time: in the generator's latent space
 * ({@link LatentSearch}) when it has one, else over successive seeds ({@link SeedSearch}). Not thread-safe.
 */
public interface TargetSearch<L, M extends Enum<M> & Targets.Measure> {

    /** The level for {@code seed}: the first that meets the targets, or the closest found within the budget. */
    SearchResult<L, M> search(long seed);

    /** How it searches, for reports, e.g. {@code CMA-ES in the GAN's latent space}. */
    String describe();

    /** The search that suits {@code generator}, trying at most {@code maxEvaluations} levels per seed. */
    @SuppressWarnings("unchecked")
    static <L extends TileGrid, M extends Enum<M> & Targets.Measure> TargetSearch<L, M> of(
            LevelGenerator<L> generator, Targets<L, M> targets, int maxEvaluations) {
        return generator instanceof LatentSpace<?> space
                ? new LatentSearch<>((LatentSpace<L>) space, generator.name(), targets, maxEvaluations)
                : new SeedSearch<>(generator, targets, maxEvaluations);
    }
}
