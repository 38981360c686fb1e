package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressiveRangeTest {

    // A straight corridor: 4 moves right to the key, 2 more to the door; 15 inner cells, no inner walls.
    private final DungeonLevel open = DungeonParser.parse("""
            wwwwwwwww
            w.......w
            wA...+.gw
            w.......w
            wwwwwwwww
            """, "open");
    // The same pieces, the key in a dead end walled off from the door (3 walls of 28 inner cells), and two enemies
    // in the bottom corners.
    private final DungeonLevel walled = DungeonParser.parse("""
            wwwwwwwww
            w....w..w
            wA...+wgw
            w....w..w
            w1.....2w
            wwwwwwwww
            """, "walled");
    // The door shut in by walls: unplayable.
    private final DungeonLevel shut = DungeonParser.parse("""
            wwwwwwwww
            w.....www
            wA...+wgw
            w.....www
            wwwwwwwww
            """, "shut");

    @Test
    void dungeonMeasuresFollowTheirDefinitions() {
        assertEquals(0.0, ExpressiveRange.wallDensity(open));
        assertEquals(0.0, ExpressiveRange.enemies(open));
        assertEquals(1.0, ExpressiveRange.linearity(open), 1e-12, "straight at the key, then at the door");
        assertEquals(2.0, ExpressiveRange.enemies(walled));
        assertEquals(3 / 28.0, ExpressiveRange.wallDensity(walled), 1e-12);
        double l = ExpressiveRange.linearity(walled);
        assertEquals(true, l > 0 && l < 1, "the wall makes the run wind: " + l);
        assertEquals(Double.NaN, ExpressiveRange.linearity(shut));
    }

    @Test
    void histogramsCountEachLevelInItsBinsAndSetUnplayableOnesApart() {
        List<ExpressiveRange.Axes<DungeonLevel>> axes = TileWorld.DUNGEON.expressiveRange();
        ExpressiveRange.Histogram lengthByEnemies = ExpressiveRange.histogram(axes.get(0),
                List.of(open, open, walled, shut));
        assertEquals(4, lengthByEnemies.levels());
        assertEquals(1, lengthByEnemies.unmeasured());
        // open: solution length 6 or so (bin 1 of 4-move bins), 0 enemies.
        int openLength = axes.get(0).x().bin(axes.get(0).x().measure().applyAsDouble(open));
        assertEquals(2, lengthByEnemies.counts()[0][openLength]);
        int walledLength = axes.get(0).x().bin(axes.get(0).x().measure().applyAsDouble(walled));
        assertEquals(1, lengthByEnemies.counts()[2][walledLength]);
        long total = 0;
        for (long[] row : lengthByEnemies.counts()) {
            for (long c : row) {
                total += c;
            }
        }
        assertEquals(3, total);
        assertEquals(0.5, lengthByEnemies.maxShare());

        ExpressiveRange.Histogram wallsByLinearity = ExpressiveRange.histogram(axes.get(1), List.of(open, walled));
        assertEquals(1, wallsByLinearity.counts()[9][0], "open: density 0, linearity 1 (the top bin)");
        assertEquals(1, wallsByLinearity.counts()[axes.get(1).y().bin(ExpressiveRange.linearity(walled))][1],
                "walled: density 0.107 is in bin 1");
    }

    @Test
    void valuesOutsideTheRangeGoToTheEndBins() {
        ExpressiveRange.Axis<Object> a = new ExpressiveRange.Axis<>("a", 0, 8, 8, o -> 0);
        assertEquals(0, a.bin(-3));
        assertEquals(7, a.bin(8));
        assertEquals(7, a.bin(100));
        assertEquals(3, a.bin(3.5));
        assertEquals(-1, a.bin(Double.NaN));
    }

    @Test
    void platformerMeasuresFollowTheirDefinitions() {
        StringBuilder flat = new StringBuilder();
        StringBuilder gappy = new StringBuilder();
        for (int y = 0; y < 14; y++) {
            flat.append(y == 13 ? "XXXXXXXXXX" : y == 12 ? "-E--------" : "----------").append('\n');
            gappy.append(y == 13 ? "XXX--XXXXX" : y == 10 ? "------SS--" : "----------").append('\n');
        }
        PlatformerLevel f = PlatformerParser.parse(flat.toString(), "flat");
        PlatformerLevel g = PlatformerParser.parse(gappy.toString(), "gappy");
        assertEquals(1 - 1 / 10.0, ExpressiveRange.leniency(f), 1e-12, "one enemy over 10 columns");
        assertEquals(1 - 2 / 10.0, ExpressiveRange.leniency(g), 1e-12, "two gap columns");
        assertEquals(1.0, ExpressiveRange.platformLinearity(f), 1e-12, "a flat floor is a line");
        assertEquals(true, ExpressiveRange.platformLinearity(g) < 1);
        assertEquals(10 / 140.0, ExpressiveRange.density(f), 1e-12);
        assertEquals(10 / 140.0, ExpressiveRange.density(g), 1e-12);
    }
}
