package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.TileWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentIlluminationTest {

    private static final GanConfig SMALL =
            new GanConfig(32, 8, 20, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, false, 0, 0, 0, 64, 32, 0, 3);

    /** The bundled platformer model (the module's working directory is generators/). */
    private static final Path BUNDLED_PLATFORMER = Path.of("..", "examples", "gan-platformer");

    @TempDir
    Path dir;

    @Test
    void everyEliteIsAPlayableNovelLevelOfItsOwnCellAndTheArchiveRoundTrips() throws Exception {
        List<DungeonLevel> corpus = DungeonCorpus.levels();
        try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(corpus), SMALL)) {
            for (int i = 0; i < SMALL.steps(); i++) {
                trainer.step();
            }
            try (GanModel model = trainer.finish()) {
                LatentIllumination.Archive archive = LatentIllumination.illuminate(model, corpus, 1500, 0.5,
                        Integer.MAX_VALUE, 7);
                assertEquals(1500, archive.evaluations());
                assertEquals(archive.cells(), archive.elites().size());
                assertTrue(archive.elites().size() > 10, "cells filled: " + archive.elites().size());
                DungeonSolver solver = new DungeonSolver();
                Set<String> corpusTexts = new HashSet<>();
                corpus.forEach(l -> corpusTexts.add(l.toText()));
                Set<Long> cells = new HashSet<>();
                List<String> drafts = model.sample(archive.elites(), Decoding.ONE_EACH);
                for (String d : drafts) {
                    DungeonLevel level = DungeonGan.parseOrNull(d, "elite");
                    var s = solver.shortest(level);
                    assertTrue(s.playable(), d);
                    assertFalse(corpusTexts.contains(level.toText()));
                    assertTrue(cells.add(LatentIllumination.cell(level, s.length())), "one elite a cell");
                }

                LatentIllumination.Archive capped = LatentIllumination.illuminate(model, corpus, 1500, 0.5, 5, 7);
                assertEquals(5, capped.elites().size());
                assertEquals(archive.cells(), capped.cells());

                Files.createDirectories(dir.resolve("m"));
                LatentIllumination.write(dir.resolve("m"), archive);
                List<float[]> read = LatentIllumination.read(dir.resolve("m"), 32);
                assertEquals(archive.elites().size(), read.size());
                for (int i = 0; i < read.size(); i++) {
                    assertArrayEquals(archive.elites().get(i), read.get(i), "elite " + i + " reads back exactly");
                }
                DungeonGan gan = new DungeonGan(model, read);
                int n = read.size();
                assertEquals(drafts.get(3), gan.raw(3));
                assertEquals(new DungeonGan(model).raw(3 + n), gan.raw(3 + n),
                        "seeds past the archive draw the prior's latent, as the model without an archive");
                assertTrue(LatentIllumination.read(dir.resolve("none"), 32).isEmpty());
            }
        }
    }

    @Test
    void platformerElitesAreCompletableUncopiedSegmentsOfTheirOwnCellsAndTheFirstSeedsDrawThem() throws Exception {
        List<PlatformerLevel> corpus = PlatformerCorpus.levels();
        Set<String> windows = new HashSet<>();
        PlatformerWindows.of(corpus).forEach(w -> windows.add(w.text()));
        try (GanModel model = GanModel.load(BUNDLED_PLATFORMER, GanWorld.PLATFORMER)) {
            LatentIllumination.Archive archive = LatentIllumination.illuminatePlatformer(model, corpus, 600, 1.0,
                    Integer.MAX_VALUE, 3);
            assertEquals(archive.cells(), archive.elites().size());
            assertTrue(archive.elites().size() > 10, "cells filled: " + archive.elites().size());
            List<String> segments = model.sample(archive.elites(), PlatformerGan.DECODING);
            Set<Long> cells = new HashSet<>();
            for (String text : segments) {
                PlatformerLevel segment = PlatformerGan.parseOrNull(text, "elite");
                assertTrue(TileWorld.PLATFORMER.solve(segment).playable(), text);
                assertTrue(LatentIllumination.joinable(text), "an elite that cannot be walked into:\n" + text);
                assertFalse(windows.contains(text), "an elite copies a corpus window:\n" + text);
                assertTrue(cells.add(LatentIllumination.platformerCell(segment)), "one elite a cell");
            }
            LatentIllumination.Archive again = LatentIllumination.illuminatePlatformer(model, corpus, 600, 1.0,
                    Integer.MAX_VALUE, 3);
            assertEquals(archive.elites().size(), again.elites().size());
            for (int i = 0; i < archive.elites().size(); i++) {
                assertArrayEquals(archive.elites().get(i), again.elites().get(i), "same seed, same elite " + i);
            }

            Files.createDirectories(dir.resolve("p"));
            LatentIllumination.write(dir.resolve("p"), archive);
            List<float[]> read = LatentIllumination.read(dir.resolve("p"), model.latentSize());
            int n = read.size();
            // Not closed: the GANs share the model, which the try closes.
            PlatformerGan lit = new PlatformerGan(model, read);
            PlatformerGan plain = new PlatformerGan(model);
            assertEquals(n, lit.elites());
            assertEquals(segments, lit.segments(0, n), "segment s < n is elite s");
            assertEquals(plain.segments(n, 3), lit.segments(n, 3), "past the archive, the prior");
            assertEquals(PlatformerWindows.join(segments.subList(2, 4)), lit.stitched(1, 2),
                    "segment i of seed s's 2-segment level is elite 2s + i");
            assertEquals(plain.stitched(n - 1, 2), lit.stitched(n - 1, 2), "elites 2n - 2 and 2n - 1 do not exist");
        }
    }

    @Test
    void aSegmentOpeningOnAWideGapIsCompletableAloneButNotJoinable() {
        String flat = segment(0);
        assertTrue(LatentIllumination.joinable(flat), flat);
        String gap = segment(10);
        assertTrue(TileWorld.PLATFORMER.solve(PlatformerGan.parseOrNull(gap, "gap")).playable(),
                "alone, the player starts past the gap:\n" + gap);
        assertFalse(LatentIllumination.joinable(gap), "walked into, the gap is too wide to jump:\n" + gap);
    }

    /** A 28x14 segment of floor-level ground whose first {@code gap} columns are a pit. */
    private static String segment(int gap) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < PlatformerWindows.WIDTH; x++) {
                sb.append(y >= 12 && x >= gap ? 'X' : '-');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void aMalformedArchiveNamesItsFile() throws Exception {
        Files.writeString(dir.resolve(LatentIllumination.FILE), "{\"format\":1,\"elites\":[[1,2]]}");
        UserInputException e = assertThrows(UserInputException.class, () -> LatentIllumination.read(dir, 32));
        assertTrue(e.getMessage().contains(dir.resolve(LatentIllumination.FILE).toString())
                && e.getMessage().contains("elite 1 is not 32 numbers"), e.getMessage());
    }
}
