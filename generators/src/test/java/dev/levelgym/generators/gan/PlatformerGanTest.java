package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.TileWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformerGanTest {

    /** The bundled trained model (the module's working directory is generators/). */
    private static final Path BUNDLED = Path.of("..", "examples", "gan-platformer");
    private static final Path BUNDLED_DUNGEON = Path.of("..", "examples", "gan-dungeon");

    @TempDir
    static Path dir;

    private static Path tiny;

    /** A few steps on the bundled corpus's windows, saved: enough to check the plumbing, not the quality. */
    @BeforeAll
    static void train() throws Exception {
        tiny = dir.resolve("tiny");
        GanConfig config = GanConfig.platformerDefaults().toBuilder().steps(3).seed(11).build();
        try (GanTrainer trainer = new GanTrainer(PlatformerWindows.maps(PlatformerCorpus.levels()), config)) {
            for (int i = 0; i < 3; i++) {
                trainer.step();
            }
            try (GanModel model = trainer.finish()) {
                model.save(tiny);
            }
        }
    }

    @Test
    void aShortRunSavesAPlatformerModelWhoseSamplesAreSegmentsOfTheLegend() throws Exception {
        GanManifest m = GanModel.manifest(tiny);
        assertEquals("Platformer-v1", m.world());
        assertEquals(GanWorld.PLATFORMER.legend(), m.legend());
        assertEquals(28, m.width());
        assertEquals(14, m.height());
        assertEquals(32, m.paddedSize());
        assertEquals(PlatformerCorpus.levels().size(), m.corpusLevels());
        assertEquals(3, m.trainingSteps());
        assertTrue(Files.readString(tiny.resolve(GanModel.MANIFEST_FILE)).contains("\"world\" : \"Platformer-v1\""));
        try (PlatformerGan gan = PlatformerGan.load(tiny)) {
            List<String> segments = gan.segments(0, 6);
            assertEquals(6, segments.size());
            for (String s : segments) {
                String[] rows = s.split("\n");
                assertEquals(PlatformerLevel.HEIGHT, rows.length, s);
                for (String row : rows) {
                    assertEquals(PlatformerWindows.WIDTH, row.length(), s);
                    assertTrue(row.chars().allMatch(c -> GanWorld.PLATFORMER.legend().indexOf(c) >= 0), s);
                }
                PlatformerLevel l = PlatformerGan.parseOrNull(s, "s");
                if (l != null) {
                    assertEquals(PlatformerWindows.WIDTH, l.width());
                }
            }
            String stitched = gan.stitched(4, 3);
            String[] rows = stitched.split("\n");
            assertEquals(PlatformerLevel.HEIGHT, rows.length);
            for (String row : rows) {
                assertEquals(3 * PlatformerWindows.WIDTH, row.length());
            }
        }
    }

    @Test
    void aWorldMismatchIsRefusedNamingTheManifest() {
        IllegalArgumentException asDungeon = assertThrows(IllegalArgumentException.class,
                () -> DungeonGan.load(tiny));
        assertEquals(tiny.resolve("manifest.json") + ": a GAN for Platformer-v1 levels, not Dungeon-v0 ones",
                asDungeon.getMessage());
        IllegalArgumentException registry = assertThrows(IllegalArgumentException.class,
                () -> Generators.standard().create("gan:" + tiny, TileWorld.DUNGEON, GeneratorSettings.DEFAULT));
        assertEquals(asDungeon.getMessage(), registry.getMessage());
        IllegalArgumentException asPlatformer = assertThrows(IllegalArgumentException.class,
                () -> PlatformerGan.load(BUNDLED_DUNGEON));
        assertEquals(BUNDLED_DUNGEON.resolve("manifest.json") + ": a GAN for Dungeon-v0 levels, not Platformer-v1 ones",
                asPlatformer.getMessage());
    }

    /**
     * The platformer recipe changed the network widths through the config only: the bundled Dungeon model (written
     * before the widths were fields) reads as the Dungeon defaults, and the bundled platformer model records the
     * platformer defaults it was trained with.
     */
    @Test
    void theBundledModelsWereTrainedWithTheirWorldsDefaults() {
        assertEquals(GanConfig.defaults(), GanModel.manifest(BUNDLED_DUNGEON).config());
        assertEquals(64, GanConfig.defaults().generatorChannels());
        assertEquals(32, GanConfig.defaults().criticChannels());
        assertEquals(GanConfig.platformerDefaults(), GanModel.manifest(BUNDLED).config());
    }

    @Test
    void theSameSeedGivesTheSameSegmentsAndLevels() {
        try (PlatformerGan a = PlatformerGan.load(BUNDLED); PlatformerGan b = PlatformerGan.load(BUNDLED)) {
            assertEquals(a.segments(40, 5), b.segments(40, 5));
            assertEquals(a.segments(40, 5).get(3), b.segments(43, 1).get(0));
            assertNotEquals(a.segments(40, 1), a.segments(41, 1));
            assertEquals(a.level(9, 4), b.level(9, 4));
            assertEquals(a.stitched(9, 4), b.stitched(9, 4));
        }
    }

    @Test
    void solverJoinedLevelsAreSegmentsSideBySideAndCompletable() {
        try (PlatformerGan gan = PlatformerGan.load(BUNDLED)) {
            PlatformerSolver solver = new PlatformerSolver();
            int unchanged = 0;
            for (long seed = 0; seed < 6; seed++) {
                PlatformerGan.Stitched s = gan.level(seed, 5);
                assertEquals(5 * PlatformerWindows.WIDTH, s.level().width());
                assertEquals("gan-" + seed, s.level().id());
                assertEquals(solver.solve(s.level()).completable(), s.completable());
                assertTrue(s.completable(), s.level().toString());
                if (s.redraws() == 0) {
                    assertEquals(gan.stitched(seed, 5), s.level().toText());
                    unchanged++;
                }
            }
            assertTrue(unchanged > 0, "every level needed a redraw");
            assertThrows(IllegalArgumentException.class, () -> gan.level(0, 0));
        }
    }

    @Test
    void segmentsAreSampledFromTheGeneratorsProbabilitiesAndArgmaxIsTheirMode() {
        try (PlatformerGan gan = PlatformerGan.load(BUNDLED)) {
            List<String> sampled = gan.segments(100, 200);
            assertEquals(sampled, gan.segments(100, 200, Decoding.SAMPLED));
            List<String> argmax = gan.segments(100, 200, Decoding.ARGMAX);
            int differing = 0;
            long cells = 0;
            long same = 0;
            for (int i = 0; i < sampled.size(); i++) {
                differing += sampled.get(i).equals(argmax.get(i)) ? 0 : 1;
                for (int c = 0; c < sampled.get(i).length(); c++) {
                    cells++;
                    same += sampled.get(i).charAt(c) == argmax.get(i).charAt(c) ? 1 : 0;
                }
            }
            assertTrue(differing > 0, "sampling never left the argmax");
            assertTrue((double) same / cells > 0.9, "most cells are sure of their tile: " + same + " of " + cells);
            assertEquals(gan.stitched(3, 2), PlatformerWindows.join(gan.model().sample(gan.latents(3, 2),
                    Decoding.SAMPLED)));
        }
    }

    @Test
    void theEvaluationMeasuresSegmentsAgainstTrainingWindows() {
        try (PlatformerGan gan = PlatformerGan.load(BUNDLED)) {
            PlatformerGanEvaluation e = PlatformerGanEvaluation.run(gan, PlatformerCorpus.levels(), 0, 200, 3, 2);
            assertEquals(200, e.segments());
            assertTrue(e.completableShare() > 0.5 && e.completableShare() <= e.meanCompletion(), e.toString());
            assertTrue(e.trainingCompletableShare() > 0.9, e.toString());
            assertTrue(e.klToTraining() > 0 && e.proceduralKlToTraining() > 0, e.toString());
            assertTrue(e.argmaxCompletableShare() > 0.5 && e.argmaxKlToTraining() > 0, e.toString());
            // Sampling puts back tiles argmax drops (the generator gives them less than sky), so the sampled
            // segments' patterns are closer to the training windows'.
            assertTrue(e.klToTraining() < e.argmaxKlToTraining(), e.toString());
            assertEquals(1.0, e.joinedCompletableShare(), e.toString());
            assertTrue(e.duplicateShare() >= 0 && e.duplicateShare() < 1, e.toString());
        }
    }
}
