package dev.levelgym.envs.dungeon.level;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DungeonSolverTest {

    private static DungeonSolution solve(String... rows) {
        return DungeonSolver.solve(DungeonParser.parse(String.join("\n", rows), "t"));
    }

    @Test
    void straightCorridor() {
        DungeonSolution s = solve("wwwwww", "wA+.gw", "wwwwww");
        assertTrue(s.playable());
        assertEquals(3, s.length());
        assertEquals(List.of(4, 4, 4), s.actions());
    }

    @Test
    void keyThenDoorAroundACorner() {
        DungeonSolution s = solve("wwwww", "w+.Aw", "w.www", "wgwww", "wwwww");
        assertEquals(4, s.length());
        assertEquals(List.of(3, 3, 2, 2), s.actions());
    }

    @Test
    void theRouteIsTheCellsTheAvatarPassesFromItsStartToTheDoor() {
        DungeonLevel level = DungeonParser.parse("wwwww\nw+.Aw\nw.www\nwgwww\nwwwww", "t");
        // Left twice to the key (1,1), down twice to the door (1,3); cells are y * 5 + x.
        assertArrayEquals(new int[] {8, 7, 6, 11, 16}, DungeonSolver.solve(level).route(level));
        assertArrayEquals(new int[0], solve("wwwwwww", "wA.g.+w", "wwwwwww").route(level));
    }

    @Test
    void closedDoorForcesTheLongWayToTheKey() {
        DungeonSolution s = solve(
                "wwwwwww",
                "wAg..+w",
                "w.www.w",
                "w.....w",
                "wwwwwww");
        assertTrue(s.playable());
        assertEquals(11, s.length());
    }

    @Test
    void keyBehindTheDoorIsUnplayable() {
        DungeonSolution s = solve("wwwwwww", "wA.g.+w", "wwwwwww");
        assertFalse(s.playable());
        assertEquals(-1, s.length());
        assertTrue(s.actions().isEmpty());
    }

    @Test
    void walledInKeyIsUnplayable() {
        assertFalse(solve("wwwwwww", "wA..wgw", "w...www", "ww+w..w", "wwwwwww").playable());
        assertFalse(solve("wwwwwww", "wA.w+gw", "wwwwwww").playable());
    }

    @Test
    void allDoorsMustBeOpened() {
        DungeonSolution s = solve("wwwwwwww", "wg.A+.gw", "wwwwwwww");
        assertEquals(8, s.length());
        assertEquals(List.of(4, 4, 4, 3, 3, 3, 3, 3), s.actions());
    }

    @Test
    void anyOfSeveralKeysWillDo() {
        assertEquals(3, solve("wwwwwwwww", "w+..A+.gw", "wwwwwwwww").length());
    }

    @Test
    void enemiesAreTreatedAsKillable() {
        assertEquals(4, solve("wwwwwww", "wA13+.w", "wwwwgww", "wwwwwww").length());
    }

    @Test
    void doorWithoutABorderLevel() {
        assertEquals(4, solve("A..", ".+.", "..g").length());
    }

    @Test
    void solvesThousandsOfLevelsPerSecond() {
        DungeonLevels gen = new DungeonLevels();
        List<DungeonLevel> levels = new java.util.ArrayList<>();
        for (int seed = 0; seed < 2000; seed++) {
            levels.add(gen.generate(seed, 13, 9));
        }
        DungeonSolver solver = new DungeonSolver();
        for (DungeonLevel l : levels) {
            solver.shortest(l); // warm-up
        }
        long t0 = System.nanoTime();
        int playable = 0;
        for (DungeonLevel l : levels) {
            playable += solver.shortest(l).playable() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(levels.size(), playable);
        assertTrue(seconds < 1.0, "2000 solves took " + seconds + " s");
    }
}
