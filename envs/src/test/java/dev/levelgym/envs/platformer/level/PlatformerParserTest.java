package dev.levelgym.envs.platformer.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.grid.LevelFormatException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformerParserTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(PlatformerParserTest.class.getResource(name), name).toURI());
    }

    static String rows(String... rows) {
        return String.join("\n", rows) + "\n";
    }

    /** 14 rows of width 4 with ground at the bottom two rows, {@code middle} replacing row 11. */
    static String small(String row11) {
        String empty = "----";
        return rows(empty, empty, empty, empty, empty, empty, empty, empty, empty, empty, empty, row11, "XXXX", "XXXX");
    }

    @Test
    void loadsAVglcStyleFileAsItIs() throws Exception {
        PlatformerLevel level = PlatformerParser.parse(resource("vglc-style.txt"));
        assertEquals("vglc-style.txt", level.id());
        assertEquals(60, level.width());
        assertEquals(14, level.height());
        assertEquals(0, level.startX());
        assertEquals(11, level.startY());
        assertEquals(PlatformerTile.QUESTION, level.tile(16, 7));
        assertEquals(PlatformerTile.PIPE_TOP_LEFT, level.tile(30, 9));
        assertEquals(PlatformerTile.CANNON_TOP, level.tile(43, 10));
        assertEquals(PlatformerTile.CANNON_BODY, level.tile(43, 11));
        assertEquals(2, level.count(PlatformerTile.ENEMY));
        assertEquals(2, level.count(PlatformerTile.COIN));
        assertEquals(PlatformerTile.EMPTY, level.tile(41, 13)); // the pit
        String text = Files.readString(resource("vglc-style.txt"));
        assertEquals(text, level.toText());
    }

    @Test
    void everyLegendCharacterParses() {
        for (PlatformerTile t : PlatformerTile.values()) {
            assertEquals(t, PlatformerTile.fromSymbol(t.symbol()));
            assertTrue(PlatformerTile.EXPECTED.indexOf(t.symbol()) >= 0, t.toString());
        }
        PlatformerLevel level = PlatformerParser.parse(small("-SE?"), "t");
        assertEquals(PlatformerTile.BRICK, level.tile(1, 11));
        PlatformerLevel all = PlatformerParser.parse(
                rows("XS-?Q", "E<>[]", "oBb--", "-----", "-----", "-----", "-----", "-----", "-----", "-----",
                        "-----", "-----", "XXXXX", "XXXXX"), "all");
        assertEquals("XS-?Q", all.toText().substring(0, 5));
    }

    @Test
    void lineEndsByteOrderMarkAndTrailingLinesAreTolerated() {
        String lf = small("----");
        PlatformerLevel expected = PlatformerParser.parse(lf, "x");
        assertEquals(expected, PlatformerParser.parse(lf.replace("\n", "\r\n"), "x"));
        assertEquals(expected, PlatformerParser.parse("\uFEFF" + lf, "x"));
        assertEquals(expected, PlatformerParser.parse(lf + "\n\r\n\n", "x"));
        assertEquals(expected, PlatformerParser.parse(lf.substring(0, lf.length() - 1), "x"));
    }

    @Test
    void unknownCharacterNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        // 'M' is the Mario AI Framework's start marker, not VGLC.
        Files.writeString(file, small("-M--"), StandardCharsets.UTF_8);
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> PlatformerParser.parse(file));
        assertEquals(file.toString(), e.file());
        assertEquals(12, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().startsWith(file + ":12:2: unknown tile 'M'"), e.getMessage());
        LevelFormatException tab = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse(small("--\t-"), "t"));
        assertTrue(tab.getMessage().contains("U+0009"), tab.getMessage());
        assertEquals(3, tab.column());
    }

    @Test
    void raggedRowsAreLocated() {
        LevelFormatException shorter = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse(small("---"), "r"));
        assertEquals(12, shorter.line());
        assertEquals(4, shorter.column());
        assertTrue(shorter.reason().contains("row has 3 tiles, expected 4"), shorter.reason());
        LevelFormatException longer = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse(small("-----"), "r"));
        assertEquals(12, longer.line());
        assertEquals(5, longer.column());
    }

    @Test
    void anyHeightFromTwoToFortyEightRowsLoads() {
        String fourteen = small("----");
        PlatformerLevel thirteen = PlatformerParser.parse(fourteen.substring(5), "thirteen");
        assertEquals(13, thirteen.height());
        assertEquals(10, thirteen.startY());
        assertEquals(fourteen.substring(5), thirteen.toText());
        assertEquals(2, PlatformerParser.parse("--\nXX\n", "two").height());
        String tallest = "----\n".repeat(PlatformerLevel.MAX_HEIGHT - 1) + "XXXX\n";
        assertEquals(PlatformerLevel.MAX_HEIGHT, PlatformerParser.parse(tallest, "tallest").height());
    }

    @Test
    void tooFewOrTooManyRowsAreLocated() {
        LevelFormatException one = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse("XXXX\n", "one"));
        assertEquals(1, one.line());
        assertTrue(one.reason().contains("1 row, at least 2"), one.reason());
        String tooTall = "----\n".repeat(PlatformerLevel.MAX_HEIGHT) + "XXXX\n";
        LevelFormatException many = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse(tooTall, "many"));
        assertEquals(PlatformerLevel.MAX_HEIGHT + 1, many.line());
        assertEquals(1, many.column());
        assertTrue(many.reason().startsWith("more than " + PlatformerLevel.MAX_HEIGHT + " rows"), many.reason());
    }

    @Test
    void rowsLongerThanTheWidthBoundAreLocated() {
        String wide = ("-".repeat(PlatformerLevel.DEFAULT_MAX_WIDTH + 1) + "\n") + ("X".repeat(PlatformerLevel.DEFAULT_MAX_WIDTH + 1)
                + "\n");
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> PlatformerParser.parse(wide, "w"));
        assertEquals(1, e.line());
        assertEquals(PlatformerLevel.DEFAULT_MAX_WIDTH + 1, e.column());
        String widest = ("-".repeat(PlatformerLevel.DEFAULT_MAX_WIDTH) + "\n") + ("X".repeat(PlatformerLevel.DEFAULT_MAX_WIDTH) + "\n");
        assertEquals(PlatformerLevel.DEFAULT_MAX_WIDTH, PlatformerParser.parse(widest, "w").width());
    }

    @Test
    void otherMalformedTexts() {
        assertEquals("empty level", assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse("\n\n", "e")).reason());
        LevelFormatException blank = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse("----\n\n" + small("----"), "b"));
        assertEquals(2, blank.line());
        LevelFormatException cr = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse("--\r--\n" + small("----"), "c"));
        assertEquals(1, cr.line());
        assertEquals(3, cr.column());
        String noGround = small("----").replace("XXXX", "----");
        LevelFormatException noStart = assertThrows(LevelFormatException.class,
                () -> PlatformerParser.parse(noGround, "n"));
        assertTrue(noStart.reason().contains("no start"), noStart.reason());
    }

    @Test
    void startIsTheLowestStandableCellOfTheFirstColumnThatHasOne() {
        // Column 0 is a pit; column 1 has a platform at row 5 and ground below: the ground wins.
        String[] r = new String[14];
        for (int y = 0; y < 14; y++) {
            r[y] = "---";
        }
        r[6] = "-S-";
        r[12] = "-XX";
        r[13] = "-XX";
        PlatformerLevel level = PlatformerParser.parse(rows(r), "s");
        assertEquals(1, level.startX());
        assertEquals(11, level.startY());
    }

    @Test
    void sliceKeepsColumns() {
        PlatformerLevel level = PlatformerParser.parse(small("o-E-"), "s");
        PlatformerLevel s = level.slice(1, 3);
        assertEquals(2, s.width());
        assertEquals(PlatformerTile.EMPTY, s.tile(0, 11));
        assertEquals(PlatformerTile.ENEMY, s.tile(1, 11));
        assertEquals("s[1:3]", s.id());
    }
}
