package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.random.Pcg64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DungeonRepairTest {

    @Test
    void playableLevelsNeedNoEdits() {
        for (DungeonLevel l : DungeonCorpus.levels()) {
            DungeonRepair.Result r = DungeonRepair.repair(l);
            assertEquals(List.of(), r.edits(), l.id());
            assertTrue(r.level().sameLayout(l));
        }
    }

    @Test
    void keyInOneThickBoxNeedsExactlyOneWallRemoved() {
        String map = """
                wwwwwwwww
                wA......w
                w...www.w
                w...w+w.w
                w...www.w
                w......gw
                wwwwwwwww
                """;
        DungeonRepair.Result r = DungeonRepair.repair(map, "box");
        assertEquals(1, r.edits().size(), r.edits().toString());
        assertEquals('w', r.edits().get(0).from());
        assertEquals('.', r.edits().get(0).to());
        assertTrue(DungeonSolver.solve(r.level()).playable());
    }

    @Test
    void keyAndDoorInSeparateBoxesNeedTwoEdits() {
        String map = """
                wwwwwwwwwww
                wA........w
                w.www.www.w
                w.w+w.wgw.w
                w.www.www.w
                w.........w
                wwwwwwwwwww
                """;
        DungeonRepair.Result r = DungeonRepair.repair(map, "boxes");
        assertEquals(2, r.edits().size(), r.edits().toString());
        // Minimal is 2: one wall per box, or (as found) turn the door box's wall into the key and clear the old key.
        assertTrue(DungeonSolver.solve(r.level()).playable());
    }

    @Test
    void deeplyBuriedKeyIsMovedNotDugOut() {
        // Digging needs 2 walls; moving the key (clear the old one, place a new one) also costs 2: minimum 2.
        String map = """
                wwwwwwwwwww
                wA.......gw
                w.wwwww...w
                w.wwwww...w
                w.ww+ww...w
                w.wwwww...w
                wwwwwwwwwww
                """;
        assertEquals(2, DungeonRepair.repair(map, "deep").edits().size());
    }

    @Test
    void fixesCountsAndBorder() {
        // Two avatars, no key, two doors, an avatar on the border, no border at all.
        String map = """
                A......
                .A..g..
                .......
                ...g...
                .......
                """;
        DungeonRepair.Result r = DungeonRepair.repair(map, "messy");
        DungeonLevel l = r.level();
        assertTrue(DungeonSolver.solve(l).playable());
        // 20 border cells become walls (the corner avatar among them); one door becomes the key: 21 edits.
        assertEquals(21, r.edits().size(), r.edits().toString());
        assertEquals(DungeonTile.WALL, l.tile(0, 0));
    }

    @Test
    void rejectsForeignCharactersAndRaggedRows() {
        assertThrows(IllegalArgumentException.class, () -> DungeonRepair.repair("wwww\nwAZw\nwwww\n", "x"));
        assertThrows(IllegalArgumentException.class, () -> DungeonRepair.repair("wwwww\nwA+w\nwwwww\n", "x"));
    }

    @Test
    void randomGarbageAlwaysBecomesPlayable() {
        String legend = "w.A+g123 ";
        for (long seed = 0; seed < 400; seed++) {
            Pcg64 rng = Pcg64.seeded(seed);
            int w = 5 + rng.nextInt(11);
            int h = 4 + rng.nextInt(8);
            double wallBias = rng.nextDouble();
            StringBuilder sb = new StringBuilder();
            char[][] in = new char[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    char c = rng.nextDouble() < wallBias ? 'w' : legend.charAt(rng.nextInt(legend.length()));
                    in[y][x] = c;
                    sb.append(c);
                }
                sb.append('\n');
            }
            DungeonRepair.Result r = DungeonRepair.repair(sb.toString(), "g" + seed);
            DungeonLevel l = r.level();
            assertTrue(DungeonSolver.solve(l).playable(), sb.toString());
            for (DungeonRepair.Edit e : r.edits()) {
                assertEquals(in[e.y()][e.x()], e.from());
                in[e.y()][e.x()] = e.to();
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    char expected = in[y][x] == ' ' ? '.' : in[y][x];
                    assertEquals(expected, l.tile(x, y).symbol(), "seed " + seed);
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                        assertEquals(DungeonTile.WALL, l.tile(x, y));
                    }
                }
            }
        }
    }
}
