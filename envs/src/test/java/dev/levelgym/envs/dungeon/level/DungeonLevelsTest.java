package dev.levelgym.envs.dungeon.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DungeonLevelsTest {

    @Test
    void thousandSeedsArePlayableWellFormedAndVaried() {
        DungeonLevels gen = new DungeonLevels();
        Set<String> layouts = new HashSet<>();
        Set<Integer> solutionLengths = new HashSet<>();
        int totalInteriorWalls = 0;
        for (long seed = 0; seed < 1000; seed++) {
            DungeonLevel level = gen.generate(seed, 13, 9);
            assertEquals("procedural:" + seed, level.id());
            assertEquals(13, level.width());
            assertEquals(9, level.height());
            DungeonSolution s = DungeonSolver.solve(level);
            assertTrue(s.playable(), "seed " + seed + " unplayable:\n" + level.toText());
            solutionLengths.add(s.length());
            assertTrue(s.length() >= (13 + 9) / 3, "seed " + seed + " is trivial");
            int keys = 0;
            int doors = 0;
            int enemies = 0;
            int ax = level.avatarCell() % 13;
            int ay = level.avatarCell() / 13;
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 13; x++) {
                    DungeonTile t = level.tile(x, y);
                    boolean border = x == 0 || y == 0 || x == 12 || y == 8;
                    if (border) {
                        assertEquals(DungeonTile.WALL, t);
                    } else if (t == DungeonTile.WALL) {
                        totalInteriorWalls++;
                    }
                    keys += t == DungeonTile.KEY ? 1 : 0;
                    doors += t == DungeonTile.DOOR ? 1 : 0;
                    if (t.isEnemy()) {
                        enemies++;
                        assertTrue(Math.abs(x - ax) > 1 || Math.abs(y - ay) > 1,
                                "seed " + seed + ": enemy next to the avatar");
                    }
                }
            }
            assertEquals(1, keys);
            assertEquals(1, doors);
            assertTrue(enemies >= 1 && enemies <= 3, "seed " + seed + ": " + enemies + " enemies");
            layouts.add(level.toText());
            assertEquals(level, DungeonParser.parse(level.toText(), level.id()));
        }
        assertTrue(layouts.size() >= 990, "only " + layouts.size() + " distinct levels");
        assertTrue(solutionLengths.size() >= 15, "solution lengths barely vary: " + solutionLengths);
        assertTrue(totalInteriorWalls > 1000 * 5, "levels are mostly open: " + totalInteriorWalls);
    }

    @Test
    void deterministicPerSeed() {
        for (long seed : new long[] {0, 1, 42, 123456789L, Long.MAX_VALUE}) {
            assertEquals(new DungeonLevels().generate(seed, 13, 9), DungeonLevels.of(seed, 13, 9));
        }
        DungeonLevels shared = new DungeonLevels();
        DungeonLevel a = shared.generate(7, 13, 9);
        shared.generate(8, 13, 9);
        assertEquals(a, shared.generate(7, 13, 9));
    }

    @Test
    void otherSizes() {
        for (int seed = 0; seed < 200; seed++) {
            for (int[] size : new int[][] {{5, 5}, {7, 5}, {20, 15}, {32, 32}}) {
                DungeonLevel level = DungeonLevels.of(seed, size[0], size[1]);
                assertEquals(size[0], level.width());
                assertEquals(size[1], level.height());
                assertTrue(DungeonSolver.solve(level).playable());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> DungeonLevels.of(1, 4, 9));
    }
}
