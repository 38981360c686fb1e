package dev.levelgym.demo.model;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonLevels;
import dev.levelgym.generators.DungeonGenerator;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import java.util.ArrayList;
import java.util.List;

/**
 * The generators the demo draws new levels from, in the order G cycles through them, and the seed of the level on
 * show. Any {@link LevelGenerator} plugs in (a trained GAN's, once one exists); the envs' own procedural levels are
 * always last so there is a generator even when nothing else is available.
 */
public final class LevelDeck {

    /** The name of the envs' built-in generator ({@link DungeonLevels}), the fallback. */
    public static final String PROCEDURAL = "procedural";

    private final List<LevelGenerator<DungeonLevel>> generators;
    private int current;
    private long seed;

    /** @param generators tried in this order; the procedural fallback is appended */
    public LevelDeck(List<LevelGenerator<DungeonLevel>> generators, long firstSeed) {
        if (firstSeed < 0) {
            throw new UserInputException("--seed must be non-negative, got " + firstSeed);
        }
        List<LevelGenerator<DungeonLevel>> all = new ArrayList<>(generators);
        all.add(new Procedural(Dungeon.DEFAULT_WIDTH, Dungeon.DEFAULT_HEIGHT));
        this.generators = List.copyOf(all);
        this.seed = firstSeed;
    }

    /** The installed generators of Dungeon levels that need no argument, then the procedural fallback. */
    public static LevelDeck standard(long firstSeed) {
        return new LevelDeck(registered(), firstSeed);
    }

    /**
     * Every installed generator of Dungeon levels that needs no argument ({@link Generators#names}), at the default
     * size, in name order.
     */
    public static List<LevelGenerator<DungeonLevel>> registered() {
        return Generators.installed().createAll(TileWorld.DUNGEON, GeneratorSettings.DEFAULT);
    }

    /** The level for the current generator and seed. */
    public DungeonLevel level() {
        return generators.get(current).generate(seed);
    }

    /** Moves to the next seed and returns its level. */
    public DungeonLevel next() {
        seed++;
        return level();
    }

    /** Switches to the next generator (wrapping round) at the same seed and returns its level. */
    public DungeonLevel cycle() {
        current = (current + 1) % generators.size();
        return level();
    }

    public String generatorName() {
        return generators.get(current).name();
    }

    public List<String> generatorNames() {
        return generators.stream().map(LevelGenerator::name).toList();
    }

    public long seed() {
        return seed;
    }

    /** {@link DungeonLevels} of one size seen as a generator. */
    record Procedural(int width, int height) implements DungeonGenerator {

        @Override
        public String name() {
            return PROCEDURAL;
        }

        @Override
        public DungeonLevel generate(long seed) {
            return DungeonLevels.of(seed, width, height);
        }
    }
}
