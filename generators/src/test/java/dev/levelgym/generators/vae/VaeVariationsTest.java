package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.search.LatentNeighbourSearch;
import dev.levelgym.generators.search.LevelVariations.Variation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaeVariationsTest {

    private static final Path DUNGEON = Path.of("..", "examples", "vae-dungeon");
    private static final Path PLATFORMER = Path.of("..", "examples", "vae-platformer");

    @Test
    void dungeonVariationsAreDistinctPlayableSortedDeterministicAndNearerThanThePrior() throws IOException {
        String level = Files.readString(DUNGEON.resolve("held-out").resolve("central-vault.txt"));
        String[] target = LatentNeighbourSearch.rows(level);
        try (DungeonVae vae = new DungeonVae(VaeModel.load(DUNGEON), DUNGEON.toString())) {
            VaeVariations variations = VaeVariations.of(vae);
            List<Variation> near = variations.near(level, 4, 7);
            assertEquals(4, near.size());
            assertEquals(near.size(), new HashSet<>(near.stream().map(Variation::text).toList()).size());
            DungeonSolver solver = new DungeonSolver();
            for (int i = 0; i < near.size(); i++) {
                Variation v = near.get(i);
                String[] rows = LatentNeighbourSearch.rows(v.text());
                assertEquals(target.length, rows.length);
                assertTrue(List.of(rows).stream().allMatch(r -> r.length() == target[0].length()), v.text());
                assertEquals(LatentNeighbourSearch.tileDistance(rows, target, target[0].length()), v.distance());
                assertTrue(solver.shortest(DungeonParser.parse(v.text(), "v" + i)).playable(), v.text());
                if (i > 0) {
                    assertTrue(near.get(i - 1).distance() <= v.distance(), "nearest first");
                }
            }
            assertEquals(near, variations.near(level, 4, 7));
            // The encoder places the level: its nearest variation beats every one of several prior levels.
            for (long seed = 0; seed < 8; seed++) {
                String prior = vae.make(seed).level().toText();
                int d = LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(prior), target,
                        target[0].length());
                assertTrue(near.get(0).distance() < d, "nearest " + near.get(0).distance() + ", prior " + d);
            }
        }
    }

    @Test
    void dungeonRefusesAnotherSizeAndForeignTilesWithTheReason() {
        try (DungeonVae vae = new DungeonVae(VaeModel.load(DUNGEON), DUNGEON.toString())) {
            VaeVariations variations = VaeVariations.of(vae);
            assertNull(variations.unsupported(13, 9));
            String why = variations.unsupported(10, 9);
            assertTrue(why.contains("13x9") && why.contains("10x9"), why);
            String small = ("w".repeat(10) + "\n").repeat(9);
            UserInputException e = assertThrows(UserInputException.class, () -> variations.near(small, 4, 0));
            assertEquals(why, e.getMessage());
            String foreign = ("w".repeat(13) + "\n").repeat(8) + "wwwwwwQwwwwww\n";
            e = assertThrows(UserInputException.class, () -> variations.near(foreign, 4, 0));
            assertTrue(e.getMessage().startsWith("9:7: 'Q'"), e.getMessage());
        }
    }

    @Test
    void platformerVariesWindowByWindowAtTheLevelsWidth() {
        String[] corpus = LatentNeighbourSearch.rows(PlatformerCorpus.levels().get(0).toText());
        StringBuilder sb = new StringBuilder();
        for (String r : corpus) {
            sb.append(r, 0, 40).append('\n');
        }
        String level = sb.toString();
        String[] target = LatentNeighbourSearch.rows(level);
        try (PlatformerVae vae = new PlatformerVae(VaeModel.load(PLATFORMER), 1, PLATFORMER.toString())) {
            VaeVariations variations = VaeVariations.of(vae);
            List<Variation> near = variations.near(level, 4, 3);
            assertFalse(near.isEmpty());
            assertEquals(near.size(), new HashSet<>(near.stream().map(Variation::text).toList()).size());
            for (int i = 0; i < near.size(); i++) {
                String[] rows = LatentNeighbourSearch.rows(near.get(i).text());
                assertEquals(target.length, rows.length);
                assertTrue(List.of(rows).stream().allMatch(r -> r.length() == 40), near.get(i).text());
                assertEquals(LatentNeighbourSearch.tileDistance(rows, target, 40), near.get(i).distance());
                if (i > 0) {
                    assertTrue(near.get(i - 1).distance() <= near.get(i).distance(), "nearest first");
                }
            }
            assertEquals(near, variations.near(level, 4, 3));
            String why = variations.unsupported(20, target.length);
            assertTrue(why.contains("at least 28 columns"), why);
        }
    }
}
