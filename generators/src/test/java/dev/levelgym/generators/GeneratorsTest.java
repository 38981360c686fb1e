package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"rooms", "caves"})
    void everyLevelIsWellFormedBorderedAndPlayable(String name) {
        LevelGenerator<DungeonLevel> g = create(name);
        for (DungeonLevel l : g.generate(0, 300)) {
            assertEquals(13, l.width());
            assertEquals(9, l.height());
            assertTrue(DungeonSolver.solve(l).playable(), l::toString);
            int keys = 0;
            int doors = 0;
            int enemies = 0;
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 13; x++) {
                    DungeonTile t = l.tile(x, y);
                    if (x == 0 || y == 0 || x == 12 || y == 8) {
                        assertEquals(DungeonTile.WALL, t, l::toString);
                    }
                    keys += t == DungeonTile.KEY ? 1 : 0;
                    doors += t == DungeonTile.DOOR ? 1 : 0;
                    enemies += t.isEnemy() ? 1 : 0;
                }
            }
            assertEquals(1, keys);
            assertEquals(1, doors);
            assertTrue(enemies >= 1 && enemies <= 3, l::toString);
            assertEquals(l, DungeonParser.parse(l.toText(), l.id()).withId(l.id()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rooms", "caves"})
    void deterministicPerSeedAndBatchIsConsecutiveSeeds(String name) {
        List<DungeonLevel> batch = create(name).generate(42, 5);
        assertEquals(batch.get(3), create(name).generate(45));
        assertEquals(name + "-45", batch.get(3).id());
        Set<String> distinct = new HashSet<>();
        create(name).generate(0, 100).forEach(l -> distinct.add(l.toText()));
        assertTrue(distinct.size() >= 95, "distinct " + distinct.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rooms", "caves"})
    void otherSizesWork(String name) {
        LevelGenerator<DungeonLevel> g = create(name, 25, 15);
        for (DungeonLevel l : g.generate(7, 30)) {
            assertEquals(25, l.width());
            assertEquals(15, l.height());
            assertTrue(DungeonSolver.solve(l).playable());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rooms", "caves"})
    void draftsRepairToPlayable(String name) {
        LevelGenerator<DungeonLevel> g = create(name);
        for (long s = 0; s < 30; s++) {
            assertTrue(DungeonSolver.solve(DungeonRepair.repair(g.draft(s), "d").level()).playable());
        }
    }

    @Test
    void rejectsUnknownNamesAndTinySizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create("gan"));
        assertEquals("unknown generator 'gan'; known: caves, rooms, gan:MODEL_DIR, vae:MODEL_DIR", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> create("rooms", 5, 9));
        assertEquals(List.of("caves", "rooms"), Generators.standard().names(TileWorld.DUNGEON));
        assertNotEquals(create("rooms").generate(1).toText(),
                create("caves").generate(1).toText());
    }

    /** The Dungeon generator {@code spec} at the default 13×9. */
    private static LevelGenerator<DungeonLevel> create(String spec) {
        return create(spec, 13, 9);
    }

    private static LevelGenerator<DungeonLevel> create(String spec, int width, int height) {
        return Generators.standard().create(spec, TileWorld.DUNGEON, GeneratorSettings.ofSize(width, height));
    }

    /** {@code generate --width 100000 --height 100000} overflowed width × height into an array index error. */
    @Test
    void hugeSizesAreRefusedByTheCellLimitBeforeAnyArrayIsMade() {
        for (String name : Generators.standard().names(TileWorld.DUNGEON)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> create(name, 100_000, 100_000));
            assertEquals("a " + name + " level is 100000x100000 cells, more than the limit of 1048576 (raise it "
                    + "with -Dlevelgym.maxLevelCells=N, e.g. in LEVELGYM_JAVA_OPTS)", e.getMessage());
        }
    }
}
