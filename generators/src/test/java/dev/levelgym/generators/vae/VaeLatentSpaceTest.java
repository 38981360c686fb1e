package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.search.DungeonTargets;
import dev.levelgym.generators.search.LatentSearch;
import dev.levelgym.generators.search.LatentSpace;
import dev.levelgym.generators.search.SearchResult;
import dev.levelgym.generators.search.TargetSearch;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Target searches through a VAE: its prior's latent space, and the noise around a level's latent for --like. */
class VaeLatentSpaceTest {

    private static final Path DUNGEON = Path.of("..", "examples", "vae-dungeon");
    private static final Path PLATFORMER = Path.of("..", "examples", "vae-platformer");
    private static final Path RING = DUNGEON.resolve("held-out").resolve("ring.txt");

    private static double[] doubles(float[] z) {
        double[] d = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            d[i] = z[i];
        }
        return d;
    }

    @Test
    void aDungeonSeedsPointInThePriorDecodesToItsLevelWithTheSameRepair() {
        try (DungeonVae vae = new DungeonVae(VaeModel.load(DUNGEON), DUNGEON.toString())) {
            for (long seed = 0; seed < 4; seed++) {
                double[] z = vae.latent(seed);
                assertArrayEquals(doubles(vae.model().latent(seed)), z);
                LatentSpace.Decoded<DungeonLevel> d = vae.decode(z, "s" + seed);
                LevelGenerator.Generated<DungeonLevel> made = vae.make(seed);
                assertEquals(made.level().toText(), d.level().toText());
                assertEquals(made.repairEdits(), d.repairEdits());
            }
            assertInstanceOf(LatentSearch.class, TargetSearch.of(vae, DungeonTargets.parse("enemies=1..2"), 10));
        }
    }

    @Test
    void aStitchedPlatformerPointHoldsEverySegmentAndDecodesToTheSeedsDraft() {
        try (PlatformerVae vae = new PlatformerVae(VaeModel.load(PLATFORMER), 3, PLATFORMER.toString())) {
            for (long seed = 0; seed < 4; seed++) {
                double[] z = vae.latent(seed);
                assertEquals(3 * vae.model().latentSize(), z.length);
                LatentSpace.Decoded<PlatformerLevel> d = vae.decode(z, "s" + seed);
                String draft = vae.draft(seed);
                if (d == null) {
                    assertNull(vae.parseOrNull(draft, "s" + seed), draft);
                } else {
                    assertEquals(draft, d.level().toText());
                }
            }
        }
    }

    @Test
    void nearALevelTheCoordinatesAreTheNoiseScaledBySpreadAroundItsLatent() {
        try (DungeonVae vae = new DungeonVae(VaeModel.load(DUNGEON), DUNGEON.toString())) {
            LevelGenerator<DungeonLevel> like = vae.around(RING, 0.5, 0);
            LatentSpace<DungeonLevel> space = assertInstanceOf(LatentSpace.class, like);
            assertEquals("the noise around ring.txt's latent (spread 0.5)", space.latentSpaceName());
            // A seed's coordinates are its noise, and decode to the level the seed makes.
            for (long seed = 0; seed < 4; seed++) {
                double[] noise = space.latent(seed);
                assertArrayEquals(doubles(vae.model().latent(seed)), noise);
                assertEquals(like.make(seed).level().toText(), space.decode(noise, "s" + seed).level().toText());
            }
            // The origin is the level's own latent: the reconstruction that --spread 0 makes from any seed.
            double[] origin = new double[vae.model().latentSize()];
            String reconstruction = vae.around(RING, 0, 0).make(7).level().toText();
            assertEquals(reconstruction, space.decode(origin, "origin").level().toText());
            // Twice the noise at half the spread is the same point.
            LatentSpace<DungeonLevel> narrow = assertInstanceOf(LatentSpace.class, vae.around(RING, 0.25, 0));
            double[] doubled = Arrays.stream(space.latent(3)).map(v -> 2 * v).toArray();
            assertEquals(like.make(3).level().toText(), narrow.decode(doubled, "d").level().toText());
            assertNotEquals(reconstruction, like.make(3).level().toText());
            assertTrue(TargetSearch.of(like, DungeonTargets.parse("enemies=1..2"), 10).describe()
                    .contains("the noise around ring.txt's latent"));
        }
    }

    @Test
    void aSearchNearALevelMeetsTheTargetsItReportsAndRepeatsForItsSeed() {
        try (DungeonVae vae = new DungeonVae(VaeModel.load(DUNGEON), DUNGEON.toString())) {
            DungeonTargets targets = DungeonTargets.parse("solutionLength=32..40");
            // ring.txt's solution is 17 moves, and the seed's own variation does not meet the range either.
            int own = DungeonSolver.solve(vae.around(RING, 0.5, 0).make(5).level()).length();
            assertTrue(own < 32, "the seed's variation: " + own);
            SearchResult<DungeonLevel, DungeonTargets.Measure> first =
                    TargetSearch.of(vae.around(RING, 0.5, 0), targets, 2000).search(5);
            SearchResult<DungeonLevel, DungeonTargets.Measure> again =
                    TargetSearch.of(vae.around(RING, 0.5, 0), targets, 2000).search(5);
            assertTrue(first.met());
            assertTrue(first.evaluations() > 1, "evaluations " + first.evaluations());
            int length = DungeonSolver.solve(first.level()).length();
            assertTrue(length >= 32 && length <= 40, "solution " + length);
            assertEquals((double) length, first.measures().get(DungeonTargets.Measure.SOLUTION_LENGTH));
            assertEquals(first.level().toText(), again.level().toText());
            assertEquals(first.evaluations(), again.evaluations());
        }
    }
}
