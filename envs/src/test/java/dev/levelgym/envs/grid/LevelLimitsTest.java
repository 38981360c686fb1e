package dev.levelgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.platformer.PlatformerLevelSource;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Levels, procedural sizes and observation windows are refused by size before memory is spent on them. */
class LevelLimitsTest {

    private static final String RAISE = "(raise it with -Dlevelgym.maxLevelCells=N, e.g. in LEVELGYM_JAVA_OPTS)";
    private static final String RAISE_WIDTH =
            "(raise it with -Dlevelgym.maxPlatformerWidth=N, e.g. in LEVELGYM_JAVA_OPTS)";

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(LevelLimits.PROPERTY);
        System.clearProperty(LevelLimits.PLATFORMER_WIDTH_PROPERTY);
    }

    @Test
    void aTenThousandByTenThousandTextLevelIsRefusedBySizeBeforeItIsRead() throws IOException {
        // 10,000 rows of 10,000 tiles and their line ends: 100,010,000 bytes, sparse on disk. Reading it would take
        // 100 MB of bytes and 200 MB of chars, more than this module's 512 MB test heap holds with the tile list.
        Path level = tmp.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(level.toFile(), "rw")) {
            file.setLength(10_000L * 10_001);
        }
        for (ThrowingParse parse : new ThrowingParse[] {DungeonParser::parse, PlatformerParser::parse}) {
            LevelFormatException e = assertThrows(LevelFormatException.class, () -> parse.parse(level));
            assertEquals(level + ":1:1: file is larger than 4194304 bytes, more than a level of at most 1048576 "
                    + "cells takes " + RAISE, e.getMessage());
        }
    }

    @Test
    void aDeviceIsReadNoFurtherThanTheLimit() {
        Path zeros = Path.of("/dev/zero");
        if (!Files.exists(zeros)) {
            return; // not a Unix machine
        }
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(zeros));
        assertTrue(e.reason().startsWith("file is larger than 4194304 bytes"), e.getMessage());
    }

    @Test
    void theCellLimitIsCheckedAsTheTextIsParsedAndCanBeRaised() throws IOException {
        // 1,100 x 1,000 tiles: 1.1 million cells, within the byte limit (4 bytes a cell), over the cell limit.
        StringBuilder text = new StringBuilder();
        String row = "w".repeat(1_100) + "\n";
        for (int r = 0; r < 1_000; r++) {
            text.append(row);
        }
        LevelFormatException e = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse(text.toString(), "big.txt"));
        assertEquals("big.txt:954:277: level has more than 1048576 cells " + RAISE, e.getMessage());

        System.setProperty(LevelLimits.PROPERTY, "100");
        String corridor = String.join("\n", "wwwwwwwwwwwww", "wA...+...g..w", "w...........w", "w...........w",
                "w...........w", "w...........w", "w...........w", "w...........w", "wwwwwwwwwwwww");
        LevelFormatException small = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse(corridor, "c.txt"));
        assertEquals("c.txt:8:10: level has more than 100 cells " + RAISE, small.getMessage());
        System.setProperty(LevelLimits.PROPERTY, "200");
        DungeonLevel level = DungeonParser.parse(corridor, "c.txt");
        assertEquals(13 * 9, level.width() * level.height());

        System.setProperty(LevelLimits.PROPERTY, "lots");
        UserInputException bad = assertThrows(UserInputException.class, LevelLimits::maxCells);
        assertEquals("system property levelgym.maxLevelCells must be a number of cells in 1..268435456, got 'lots'",
                bad.getMessage());
    }

    @Test
    void proceduralSizesAndObservationWindowsAreBounded() {
        Registry registry = Registry.standard();
        assertRefused(registry, "Dungeon-v0", Map.of("width", "100000", "height", "100000"),
                "a procedural level (options width and height) is 100000x100000 cells, more than the limit of "
                        + "1048576 " + RAISE);
        assertRefused(registry, "Dungeon-v0", Map.of("view", "egocentric", "view_radius", "2000000000"),
                "Dungeon-v0: option view_radius 2000000000 makes an observation window that is "
                        + "4000000001x4000000001 cells, more than the limit of 1048576 " + RAISE);
        // Platformer levels are held to the stricter width limit first (their solvers grow with the level).
        assertRefused(registry, "Platformer-v0", Map.of("width", "2000000000"),
                "procedural platformer levels need width in [16, 2048], got 2000000000 " + RAISE_WIDTH);
        assertRefused(registry, "Platformer-v1", Map.of("width", "2000000000", "height", "20"),
                "procedural platformer levels need width in [16, 2048], got 2000000000 " + RAISE_WIDTH);
        assertRefused(registry, "Platformer-v0", Map.of("view_rows", "100000", "view_cols", "100000"),
                "Platformer: options view_rows and view_cols make an observation window that is 100000x100000 "
                        + "cells, more than the limit of 1048576 " + RAISE);
        // The cell limit holds for platformer levels too, at any height.
        System.setProperty(LevelLimits.PROPERTY, "1000");
        assertRefused(registry, "Platformer-v1", Map.of("width", "100", "height", "20"),
                "a procedural platformer level (options width and height) is 100x20 cells, more than the limit of "
                        + "1000 " + RAISE);
    }

    @Test
    void thePlatformerWidthLimitCanBeRaisedAndIsCheckedInTextLevels() {
        String wide = "-".repeat(3000) + "\n" + "X".repeat(3000) + "\n";
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> PlatformerParser.parse(wide, "w.txt"));
        assertEquals("w.txt:1:2049: row has 3000 tiles, more than 2048 (the longest VGLC level has 373) "
                + RAISE_WIDTH, e.getMessage());
        System.setProperty(LevelLimits.PLATFORMER_WIDTH_PROPERTY, "4096");
        assertEquals(3000, PlatformerParser.parse(wide, "w.txt").width());
        assertEquals(3000, new PlatformerLevelSource.Procedural(0, 1, 3000, 14, PlatformerRules.V1).width());
        System.setProperty(LevelLimits.PLATFORMER_WIDTH_PROPERTY, "100000");
        UserInputException bad = assertThrows(UserInputException.class, LevelLimits::maxPlatformerWidth);
        assertEquals("system property levelgym.maxPlatformerWidth must be a number of columns in 1..65536, got "
                + "'100000'", bad.getMessage());
    }

    private static void assertRefused(Registry registry, String id, Map<String, String> options, String message) {
        UserInputException e = assertThrows(UserInputException.class, () -> registry.make(id, options).close());
        assertEquals(message, e.getMessage());
    }

    @FunctionalInterface
    private interface ThrowingParse {
        Object parse(Path file) throws IOException;
    }
}
