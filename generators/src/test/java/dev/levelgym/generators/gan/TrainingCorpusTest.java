package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCorpusTest {

    @TempDir
    Path dir;

    @Test
    void loadsAFolderOfOneSizeInNameOrder() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "wwwww\nwA+gw\nwwwww\n");
        Files.writeString(dir.resolve("a.txt"), "wwwww\nwAg+w\nwwwww\n");
        Files.writeString(dir.resolve("notes.md"), "not a level");
        DungeonTrainingCorpus c = DungeonTrainingCorpus.load(dir);
        assertEquals(List.of("a.txt", "b.txt"), c.levels().stream().map(DungeonLevel::id).toList());
        assertEquals(5, c.width());
        assertEquals(3, c.height());
        assertNotEquals(c.hash(), DungeonTrainingCorpus.of(List.of(c.levels().get(0))).hash());
    }

    @Test
    void mixedSizesAndUnknownTilesAreRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "wwwww\nwA+gw\nwwwww\n");
        Files.writeString(dir.resolve("b.txt"), "wwwwww\nwA+g.w\nwwwwww\n");
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> DungeonTrainingCorpus.load(dir));
        assertEquals(dir.resolve("b.txt") + ": level is 6x3 but " + dir.resolve("a.txt")
                + " is 5x3; a GAN or VAE trains on levels of one size", sizes.getMessage());
        Files.writeString(dir.resolve("b.txt"), "wwwww\nwA+Gw\nwwwww\n");
        IllegalArgumentException tile = assertThrows(IllegalArgumentException.class, () -> DungeonTrainingCorpus.load(dir));
        assertTrue(tile.getMessage().startsWith(dir.resolve("b.txt") + ":2:4: unknown tile 'G'"), tile.getMessage());
    }

    @Test
    void mirrorsOfTheCorpusArePlayableAndNew() {
        List<DungeonLevel> corpus = DungeonCorpus.levels();
        List<DungeonLevel> all = TileMaps.withMirrors(corpus);
        assertTrue(all.size() > 3 * corpus.size(), "mirrors: " + all.size());
        assertTrue(all.stream().allMatch(l -> DungeonSolver.solve(l).playable()));
        assertEquals(all.size(), all.stream().map(DungeonLevel::toText).distinct().count());
    }

    @Test
    void paddedSizeIsThePowerOfTwoThatHoldsTheLevel() {
        assertEquals(16, TileMaps.paddedSize(13, 9));
        assertEquals(4, TileMaps.paddedSize(3, 4));
        assertEquals(32, TileMaps.paddedSize(17, 5));
    }
}
