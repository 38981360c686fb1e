package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Dungeon levels from seeds. The same generator (same name, same size) and the same seed always give the
 * same level, on any machine: a batch is just the levels of consecutive seeds, so level {@code i} of
 * {@code generate(s, n)} is {@code generate(s + i)} and can be regenerated alone.
 */
public interface LevelGenerator {

    /** The registry name, e.g. {@code rooms}. */
    String name();

    int width();

    int height();

    /** A playable level (passes {@link dev.levelgym.envs.dungeon.level.DungeonSolver}) with id {@code <name>-<seed>}. */
    DungeonLevel generate(long seed);

    /** The levels of seeds {@code firstSeed, firstSeed + 1, ...}, {@code count} of them. */
    default List<DungeonLevel> generate(long firstSeed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<DungeonLevel> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(generate(firstSeed + i));
        }
        return levels;
    }

    /**
     * The generator's first, unverified construction for {@code seed} as level text (rows of tile characters):
     * possibly unplayable or ill-formed. {@link DungeonRepair} turns it into a playable level; the default is the
     * verified level itself.
     */
    default String draft(long seed) {
        return generate(seed).toText();
    }
}
