package dev.levelgym.envs.platformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformerLevelsTest {

    @Test
    void everyLevelIsCompletableOverManySeedsAndWidths() {
        PlatformerLevels generator = new PlatformerLevels(PlatformerRules.V0);
        PlatformerSolver solver = new PlatformerSolver(PlatformerRules.V0);
        int[] widths = {PlatformerLevels.MIN_WIDTH, 40, 100, 200};
        for (int width : widths) {
            for (long seed = 0; seed < 300; seed++) {
                PlatformerLevel level = generator.generate(seed, width);
                assertEquals(width, level.width());
                assertTrue(solver.solve(level).completable(), level.id() + " at width " + width);
            }
        }
    }

    @Test
    void levelsHaveTheAdvertisedFeaturesAndAreNotFlatFallbacks() {
        PlatformerLevels generator = new PlatformerLevels(PlatformerRules.V0);
        int gaps = 0;
        int pipes = 0;
        int enemies = 0;
        int coins = 0;
        int questions = 0;
        int cannons = 0;
        for (long seed = 0; seed < 50; seed++) {
            PlatformerLevel level = generator.generate(seed, 100);
            for (int x = 0; x < level.width(); x++) {
                if (level.tile(x, 13) == PlatformerTile.EMPTY) {
                    gaps++;
                }
                for (int y = 0; y < 6; y++) {
                    assertEquals(PlatformerTile.EMPTY, level.tile(x, y), "open sky");
                }
            }
            for (int x = 0; x < 6; x++) {
                for (int y = 0; y < 14; y++) {
                    assertNotEquals(PlatformerTile.ENEMY, level.tile(x, y), "enemy in the start zone");
                }
            }
            pipes += level.count(PlatformerTile.PIPE_TOP_LEFT);
            enemies += level.count(PlatformerTile.ENEMY);
            coins += level.count(PlatformerTile.COIN);
            questions += level.count(PlatformerTile.QUESTION);
            cannons += level.count(PlatformerTile.CANNON_TOP);
        }
        assertTrue(gaps > 50 && pipes > 25 && enemies > 25 && coins > 50 && questions > 25 && cannons > 25,
                gaps + " gap columns, " + pipes + " pipes, " + enemies + " enemies, " + coins + " coins, "
                        + questions + " question blocks, " + cannons + " cannons");
    }

    @Test
    void sameSeedSameLevelDifferentSeedsDiffer() {
        PlatformerLevel a = PlatformerLevels.of(42, 100, 14, PlatformerRules.V0);
        assertEquals(a, PlatformerLevels.of(42, 100, 14, PlatformerRules.V0));
        assertEquals("procedural:42", a.id());
        Set<String> layouts = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            layouts.add(PlatformerLevels.of(seed, 100, 14, PlatformerRules.V0).toText());
        }
        assertEquals(100, layouts.size());
        // The text round-trips through the parser.
        assertEquals(a, PlatformerParser.parse(a.toText(), a.id()));
    }

    @Test
    void tooNarrowIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> PlatformerLevels.of(0, PlatformerLevels.MIN_WIDTH - 1));
    }
}
