package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DungeonCorpusTest {

    @Test
    void atLeastFortyBorderedPlayablePairwiseDistinctLevels() {
        List<DungeonLevel> levels = DungeonCorpus.levels();
        assertTrue(levels.size() >= 40, "size " + levels.size());
        for (DungeonLevel l : levels) {
            assertEquals(13, l.width(), l.id());
            assertEquals(9, l.height(), l.id());
            assertTrue(DungeonSolver.solve(l).playable(), l.id() + " is unplayable");
            int keys = 0;
            int doors = 0;
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 13; x++) {
                    if (x == 0 || y == 0 || x == 12 || y == 8) {
                        assertEquals(DungeonTile.WALL, l.tile(x, y), l.id() + " border at " + x + "," + y);
                    }
                    keys += l.tile(x, y) == DungeonTile.KEY ? 1 : 0;
                    doors += l.tile(x, y) == DungeonTile.DOOR ? 1 : 0;
                }
            }
            assertEquals(1, keys, l.id());
            assertEquals(1, doors, l.id());
        }
        for (int i = 0; i < levels.size(); i++) {
            for (int j = i + 1; j < levels.size(); j++) {
                assertFalse(levels.get(i).sameLayout(levels.get(j)), levels.get(i).id() + " = " + levels.get(j).id());
            }
        }
    }
}
