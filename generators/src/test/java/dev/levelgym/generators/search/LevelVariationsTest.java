package dev.levelgym.generators.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.PlatformerGan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LevelVariationsTest {

    private static final Path DUNGEON_GAN = Path.of("..", "examples", "gan-dungeon");
    private static final Path PLATFORMER_GAN = Path.of("..", "examples", "gan-platformer");

    /** A toy generator: cell i of a 2×8 map is 'a' where latent i is positive, 'b' elsewhere. */
    private static final Function<List<float[]>, List<String>> SIGNS = latents -> {
        List<String> out = new ArrayList<>();
        for (float[] z : latents) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(z[i] > 0 ? 'a' : 'b');
                if (i % 8 == 7) {
                    sb.append('\n');
                }
            }
            out.add(sb.toString());
        }
        return out;
    };

    @Test
    void theSearchFindsTheTargetOfAToyGeneratorNearestFirstAndTheSameEachTime() {
        String target = "abbaabba\nbbbbaaaa\n";
        String[] rows = LatentNeighbourSearch.rows(target);
        LatentNeighbourSearch search = new LatentNeighbourSearch(32, 8, 4, 0.8, 0.2);
        List<LatentNeighbourSearch.Candidate> found = search.nearest(SIGNS, 16,
                t -> LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(t), rows, 8), List.of(), 5, 7);
        assertEquals(5, found.size());
        assertEquals(target, found.get(0).text(), "2^16 maps, 288 decodes: the search, not luck, gets there");
        assertEquals(0, found.get(0).distance());
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).distance() <= found.get(i).distance());
        }
        assertEquals(5, new HashSet<>(found.stream().map(LatentNeighbourSearch.Candidate::text).toList()).size());
        List<LatentNeighbourSearch.Candidate> again = search.nearest(SIGNS, 16,
                t -> LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(t), rows, 8), List.of(), 5, 7);
        assertEquals(found.stream().map(LatentNeighbourSearch.Candidate::text).toList(),
                again.stream().map(LatentNeighbourSearch.Candidate::text).toList());
    }

    @Test
    void anEncodersLatentAsTheStartIsDecodedFirst() {
        float[] start = new float[16];
        for (int i = 0; i < 16; i++) {
            start[i] = i % 3 == 0 ? 1 : -1;
        }
        String target = SIGNS.apply(List.of(start)).get(0);
        String[] rows = LatentNeighbourSearch.rows(target);
        List<LatentNeighbourSearch.Candidate> found = new LatentNeighbourSearch(8, 0, 2, 0.5, 0.5).nearest(SIGNS, 16,
                t -> LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(t), rows, 8), List.of(start), 1, 0);
        assertEquals(target, found.get(0).text(), "no generations: the start alone is the answer");
    }

    @Test
    void dungeonVariationsArePlayableDistinctAndNearerThanTheGansOwnLevels() {
        DungeonLevel target = DungeonCorpus.levels().get(3);
        try (DungeonGan gan = DungeonGan.load(DUNGEON_GAN)) {
            DungeonGanVariations variations = new DungeonGanVariations(gan, LatentNeighbourSearch.DEFAULT);
            assertNull(variations.unsupported(13, 9));
            assertNotNull(variations.unsupported(15, 9));
            assertThrows(UserInputException.class, () -> variations.near("wwww\nwA+g\nwwww\n", 4, 0));
            List<LevelVariations.Variation> found = variations.near(target.toText(), 4, 1);
            assertEquals(4, found.size());
            int randomBest = Integer.MAX_VALUE;
            for (DungeonLevel l : gan.generate(0, 50)) {
                randomBest = Math.min(randomBest, LevelMetrics.hamming(l, target));
            }
            for (int i = 0; i < found.size(); i++) {
                DungeonLevel level = DungeonParser.parse(found.get(i).text(), "v" + i);
                assertTrue(DungeonSolver.solve(level).playable());
                assertEquals(LevelMetrics.hamming(level, target), found.get(i).distance());
                assertTrue(i == 0 || found.get(i - 1).distance() <= found.get(i).distance());
            }
            assertTrue(found.get(0).distance() < randomBest, "search " + found.get(0).distance()
                    + " cells away, the best of 50 GAN levels " + randomBest);
            assertEquals(4, new HashSet<>(found.stream().map(LevelVariations.Variation::text).toList()).size());
        }
    }

    @Test
    void platformerVariationsOfAnyWidthAreCutFromTheNearestSegments() {
        PlatformerLevel corpusLevel = PlatformerCorpus.levels().get(0);
        PlatformerLevel target = corpusLevel.slice(0, 61);
        try (PlatformerGan gan = PlatformerGan.load(PLATFORMER_GAN)) {
            PlatformerGanVariations variations = new PlatformerGanVariations(gan, LatentNeighbourSearch.DEFAULT);
            assertNotNull(variations.unsupported(61, 12));
            List<LevelVariations.Variation> found = variations.near(target.toText(), 3, 0);
            assertEquals(3, found.size());
            for (int i = 0; i < found.size(); i++) {
                String[] rows = LatentNeighbourSearch.rows(found.get(i).text());
                assertEquals(target.height(), rows.length);
                for (String r : rows) {
                    assertEquals(61, r.length());
                }
                assertEquals(LatentNeighbourSearch.tileDistance(rows, LatentNeighbourSearch.rows(target.toText()), 61),
                        found.get(i).distance());
                assertTrue(i == 0 || found.get(i - 1).distance() <= found.get(i).distance());
            }
            String seedText = gan.stitched(0, 3);
            int random = LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(seedText),
                    LatentNeighbourSearch.rows(target.toText()), 61);
            assertTrue(found.get(0).distance() < random, found.get(0).distance() + " vs a plain stitch " + random);
        }
    }
}
