package dev.levelgym.generators.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.TileWorld;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DungeonTargetsTest {

    @Test
    void parsesRangesAndSingleValues() {
        DungeonTargets t = DungeonTargets.parse("solutionLength=20..30, enemies=3,walls=0.3..0.5");
        assertEquals(new DungeonTargets.Range(20, 30), t.ranges().get(DungeonTargets.Measure.SOLUTION_LENGTH));
        assertEquals(new DungeonTargets.Range(3, 3), t.ranges().get(DungeonTargets.Measure.ENEMIES));
        assertEquals(new DungeonTargets.Range(0.3, 0.5), t.ranges().get(DungeonTargets.Measure.WALLS));
        assertEquals("solutionLength=20..30,enemies=3..3,walls=0.30..0.50", t.toString());
    }

    @Test
    void parseErrorsNameTheBadPart() {
        assertError("enemies=2..4,speed=3", "bad target 'speed=3': unknown measure 'speed'; known: solutionLength, enemies, walls");
        assertError("enemies", "bad target 'enemies': expected key=MIN..MAX");
        assertError("enemies=two", "bad target 'enemies=two': expected numbers as MIN..MAX or VALUE");
        assertError("enemies=4..2", "bad target 'enemies=4..2': the minimum is above the maximum");
        assertError("walls=0.1..0.2,walls=0.3", "bad target 'walls=0.3': 'walls' is given twice");
        assertError("enemies=1..2,", "bad target '': expected key=MIN..MAX");
    }

    private static void assertError(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> DungeonTargets.parse(spec)).getMessage());
    }

    @Test
    void measuresAndShortfall() {
        var level = DungeonParser.parse("wwwwww\nwA.1.w\nww+w.w\nw..wgw\nwwwwww\n", "t");
        DungeonTargets t = DungeonTargets.parse("solutionLength=1..3,enemies=1,walls=0.25");
        Map<DungeonTargets.Measure, Double> m = t.measure(level, new DungeonSolver());
        assertEquals(7.0, m.get(DungeonTargets.Measure.SOLUTION_LENGTH));
        assertEquals(1.0, m.get(DungeonTargets.Measure.ENEMIES));
        assertEquals(3.0 / 12, m.get(DungeonTargets.Measure.WALLS));
        assertEquals(1 + 4.0, t.shortfall(m), 1e-9);
        assertEquals(0.0, DungeonTargets.parse("solutionLength=5..9,enemies=0..1").shortfall(m));
    }

    @Test
    void seedSearchFindsALevelMeetingTargetsDeterministically() {
        var rooms = Generators.standard().create("rooms", TileWorld.DUNGEON, GeneratorSettings.DEFAULT);
        DungeonTargets t = DungeonTargets.parse("enemies=0..1,solutionLength=10..40");
        var a = new SeedSearch<>(rooms, t, 500).search(5);
        assertTrue(a.met());
        assertTrue(t.met(a.measures()));
        assertEquals("rooms-5", a.level().id());
        var b = new SeedSearch<>(rooms, t, 500).search(5);
        assertEquals(a.level(), b.level());
        assertEquals(a.evaluations(), b.evaluations());
        var impossible = new SeedSearch<>(rooms, DungeonTargets.parse("enemies=100"), 3).search(5);
        assertEquals(3, impossible.evaluations());
        assertTrue(!impossible.met());
        TargetSearch<DungeonLevel, DungeonTargets.Measure> chosen = TargetSearch.of(rooms, t, 500);
        assertEquals("successive seeds s, s+2^32, ...", chosen.describe(), "rooms has no latent space");
        assertEquals(a, chosen.search(5));
    }
}
