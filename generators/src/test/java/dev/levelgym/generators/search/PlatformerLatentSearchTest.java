package dev.levelgym.generators.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.gan.PlatformerGan;
import dev.levelgym.generators.gan.PlatformerGanGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlatformerLatentSearchTest {

    /** The bundled trained model (the module's working directory is generators/). */
    private static final Path BUNDLED = Path.of("..", "examples", "gan-platformer");

    @Test
    void targetsParseAndNameBadParts() {
        PlatformerTargets t = PlatformerTargets.parse("jumps=2..5, completion=1");
        assertEquals("jumps=2..5,completion=1..1", t.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlatformerTargets.parse("walls=0.3"));
        assertEquals("bad target 'walls=0.3': unknown measure 'walls'; known: jumps, enemies, completion",
                e.getMessage());
    }

    @Test
    void searchFindsACompletableLevelWithMoreJumpsThanTheSeedsOwnAndRepeatsIt() {
        try (PlatformerGan gan = PlatformerGan.load(BUNDLED)) {
            PlatformerSolver solver = new PlatformerSolver();
            PlatformerSolution plain = solver.solve(PlatformerGan.parseOrNull(gan.stitched(2, 3), "plain"));
            int wanted = plain.jumps() + 3;
            PlatformerTargets targets = PlatformerTargets.parse("completion=1,jumps=" + wanted + "..40");
            PlatformerGanGenerator generator = new PlatformerGanGenerator(gan, 3, BUNDLED.toString());
            var search = new LatentSearch<>(generator, generator.name(), targets, 1500);
            var r = search.search(2);
            assertTrue(r.met(), r.measures().toString());
            assertTrue(r.evaluations() > 1, "the seed's own level already met the targets");
            PlatformerSolution s = solver.solve(r.level());
            assertTrue(s.completable());
            assertTrue(s.jumps() >= wanted, s.jumps() + " jumps");
            assertEquals(3 * 28, r.level().width());
            assertEquals((double) s.jumps(), r.measures().get(PlatformerTargets.Measure.JUMPS));
            var again = search.search(2);
            assertEquals(r.level(), again.level());
            assertEquals(r.evaluations(), again.evaluations());
        }
    }
}
