package dev.levelgym.demo.model;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonLevels;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.LevelGenerators;
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

    private final List<LevelGenerator> generators;
    private int current;
    private long seed;

    /** @param generators tried in this order; the procedural fallback is appended */
    public LevelDeck(List<LevelGenerator> generators, long firstSeed) {
        if (firstSeed < 0) {
            throw new UserInputException("--seed must be non-negative, got " + firstSeed);
        }
        List<LevelGenerator> all = new ArrayList<>(generators);
        all.add(procedural(LevelGenerators.DEFAULT_WIDTH, LevelGenerators.DEFAULT_HEIGHT));
        this.generators = List.copyOf(all);
        this.seed = firstSeed;
    }

    /** The registered generators ({@link LevelGenerators#names()}) then the procedural fallback. */
    public static LevelDeck standard(long firstSeed) {
        return new LevelDeck(registered(), firstSeed);
    }

    /** Every generator {@link LevelGenerators} knows, at the default size, in name order. */
    public static List<LevelGenerator> registered() {
        List<LevelGenerator> gens = new ArrayList<>();
        for (String name : LevelGenerators.names()) {
            gens.add(LevelGenerators.create(name));
        }
        return gens;
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

    /** {@link DungeonLevels} seen as a generator. */
    static LevelGenerator procedural(int width, int height) {
        return new LevelGenerator() {
            @Override
            public String name() {
                return PROCEDURAL;
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public DungeonLevel generate(long s) {
                return DungeonLevels.of(s, width, height);
            }
        };
    }
}
