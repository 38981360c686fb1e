package dev.levelgym.demo.model;

import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.PlatformerCorpus;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Somewhere the platformer mode gets levels from, by seed: the envs' procedural levels, the bundled corpus, or any
 * other {@link LevelGenerator} of platformer levels (a trained platformer GAN's, through {@link #of}).
 * The same seed must give the same level.
 *
 * @param name   what the HUD and G call it
 * @param levels the level for a seed (seeds are non-negative)
 */
public record PlatformerSource(String name, LongFunction<PlatformerLevel> levels) {

    public static final String PROCEDURAL = "procedural";
    public static final String CORPUS = "corpus";

    public PlatformerSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(levels, "levels");
    }

    public PlatformerLevel level(long seed) {
        return levels.apply(seed);
    }

    /** A generator's levels, under its name. */
    public static PlatformerSource of(LevelGenerator<PlatformerLevel> generator) {
        return new PlatformerSource(generator.name(), generator::generate);
    }

    /** {@link PlatformerLevels} at Platformer-v0's default width, as the env generates them. */
    public static PlatformerSource procedural() {
        return new PlatformerSource(PROCEDURAL, seed -> PlatformerLevels.of(seed, Platformer.DEFAULT_WIDTH));
    }

    /** The bundled hand-authored levels ({@link PlatformerCorpus}), seed s being level s modulo their count. */
    public static PlatformerSource corpus() {
        return new PlatformerSource(CORPUS, seed -> {
            List<PlatformerLevel> levels = PlatformerCorpus.levels();
            return levels.get((int) Math.floorMod(seed, (long) levels.size()));
        });
    }
}
