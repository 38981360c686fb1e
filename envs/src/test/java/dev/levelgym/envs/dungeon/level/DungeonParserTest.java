package dev.levelgym.envs.dungeon.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.grid.LevelFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DungeonParserTest {

    /** Our own level in GVGAI's layout: 9 rows of 13, wall border, LF, no final newline. */
    static final String GVGAI_STYLE = String.join("\n",
            "wwwwwwwwwwwww",
            "w....w....A.w",
            "w.ww.w.www..w",
            "w..1.....w..w",
            "w.wwww.w.w+.w",
            "w......w....w",
            "w.2..w.www..w",
            "wg...w...3..w",
            "wwwwwwwwwwwww");

    @Test
    void parsesGvgaiStyleLevel() {
        DungeonLevel level = DungeonParser.parse(GVGAI_STYLE, "mine.txt");
        assertEquals("mine.txt", level.id());
        assertEquals(13, level.width());
        assertEquals(9, level.height());
        assertEquals(DungeonTile.AVATAR, level.tile(10, 1));
        assertEquals(1 * 13 + 10, level.avatarCell());
        assertEquals(DungeonTile.KEY, level.tile(10, 4));
        assertEquals(DungeonTile.DOOR, level.tile(1, 7));
        assertEquals(DungeonTile.ENEMY_QUICK, level.tile(3, 3));
        assertEquals(DungeonTile.ENEMY_NORMAL, level.tile(2, 6));
        assertEquals(DungeonTile.ENEMY_SLOW, level.tile(9, 7));
        assertEquals(DungeonTile.WALL, level.tile(0, 0));
        assertEquals(DungeonTile.FLOOR, level.tile(1, 1));
    }

    @Test
    void lineEndingsFinalNewlineAndBomDoNotChangeTheLevel() {
        DungeonLevel lf = DungeonParser.parse(GVGAI_STYLE, "x");
        assertEquals(lf, DungeonParser.parse(GVGAI_STYLE + "\n", "x"));
        assertEquals(lf, DungeonParser.parse(GVGAI_STYLE.replace("\n", "\r\n"), "x"));
        assertEquals(lf, DungeonParser.parse(GVGAI_STYLE.replace("\n", "\r\n") + "\r\n", "x"));
        assertEquals(lf, DungeonParser.parse("\uFEFF" + GVGAI_STYLE + "\n", "x"));
    }

    @Test
    void spaceIsFloorAsInOlderGvgaiFiles() {
        DungeonLevel dots = DungeonParser.parse(GVGAI_STYLE, "x");
        assertEquals(dots, DungeonParser.parse(GVGAI_STYLE.replace('.', ' '), "x"));
    }

    @Test
    void toTextRoundTrips() {
        DungeonLevel level = DungeonParser.parse(GVGAI_STYLE.replace('.', ' '), "rt");
        String text = level.toText();
        assertEquals(GVGAI_STYLE + "\n", text);
        assertEquals(level, DungeonParser.parse(text, "rt"));
    }

    @Test
    void unknownTileIsLocated() {
        String text = "wwwwwwww\nwA....+w\nw......w\nw.....Zw\nw.....gw\nwwwwwwww";
        LevelFormatException e = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse(text, "levels/x.txt"));
        assertEquals("levels/x.txt:4:7: unknown tile 'Z' (expected one of w . A + g 1 2 3)", e.getMessage());
        assertEquals("levels/x.txt", e.file());
        assertEquals(4, e.line());
        assertEquals(7, e.column());
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        LevelFormatException e = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwww\nwA+w\nw\tgw\nwwww", "t"));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("U+0009"), e.getMessage());
    }

    @Test
    void raggedRowsAreLocated() {
        LevelFormatException shorter = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\nwA+gw\nwww\nwwwww", "r"));
        assertEquals(3, shorter.line());
        assertEquals(4, shorter.column());
        LevelFormatException longer = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\nwA+gww\nwwwww", "r"));
        assertEquals(2, longer.line());
        assertEquals(6, longer.column());
        LevelFormatException trailingSpace = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\nwA+gw \nwwwww", "r"));
        assertEquals(2, trailingSpace.line());
    }

    @Test
    void emptyTextAndEmptyLinesBetweenRowsAreRejected() {
        assertEquals(1, assertThrows(LevelFormatException.class, () -> DungeonParser.parse("", "e")).line());
        assertThrows(LevelFormatException.class, () -> DungeonParser.parse("\uFEFF", "e"));
        assertThrows(LevelFormatException.class, () -> DungeonParser.parse("\n", "e"));
        LevelFormatException blank = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\n\nwA+gw\nwwwww", "e"));
        assertEquals(2, blank.line());
    }

    @Test
    void blankLinesAfterTheLastRowAreIgnored() {
        DungeonLevel plain = DungeonParser.parse("wwwww\nwA+gw\nwwwww", "e");
        assertEquals(plain.toText(), DungeonParser.parse("wwwww\nwA+gw\nwwwww\n\n\n", "e").toText());
        assertEquals(plain.toText(), DungeonParser.parse("wwwww\r\nwA+gw\r\nwwwww\r\n\r\n", "e").toText());
        assertEquals(3, DungeonParser.parse("wwwww\nwA+gw\nwwwww\n\n", "e").height());
    }

    @Test
    void loneCarriageReturnIsRejected() {
        LevelFormatException e = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\rwA+gw\rwwwww", "cr"));
        assertEquals(1, e.line());
        assertEquals(6, e.column());
    }

    @Test
    void requiredTilesAreChecked() {
        assertTrue(assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\nw.+gw\nwwwww", "a")).getMessage().contains("no avatar"));
        assertTrue(assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\nwA.gw\nwwwww", "k")).getMessage().contains("no key"));
        assertTrue(assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwww\nwA+.w\nwwwww", "d")).getMessage().contains("no goal door"));
        LevelFormatException two = assertThrows(LevelFormatException.class,
                () -> DungeonParser.parse("wwwwww\nwA+gAw\nwwwwww", "two"));
        assertEquals(2, two.line());
        assertEquals(5, two.column());
        assertTrue(two.getMessage().contains("second avatar"), two.getMessage());
    }

    @Test
    void tooSmallIsRejected() {
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse("A+g", "s"));
        assertTrue(e.getMessage().contains("smaller than 3x3"), e.getMessage());
        // A border is not required: a bare 3x3 room is a level.
        DungeonLevel bare = DungeonParser.parse("A..\n.+.\n..g", "bare");
        assertEquals(3, bare.width());
    }

    @Test
    void parsesFilesUsingTheFileNameAsIdAndThePathInErrors(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("level_0.txt");
        Files.write(good, GVGAI_STYLE.getBytes(StandardCharsets.UTF_8));
        assertEquals("level_0.txt", DungeonParser.parse(good).id());

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "wwwww\nwA+gw\nwwQww\n");
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> DungeonParser.parse(bad));
        assertEquals(bad.toString(), e.file());
        assertTrue(e.getMessage().startsWith(bad + ":3:3: unknown tile 'Q'"), e.getMessage());

        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'w', (byte) 0xE9, '\n'});
        assertThrows(LevelFormatException.class, () -> DungeonParser.parse(latin1));
    }

    @Test
    void levelIsImmutable() {
        DungeonTile[] tiles = DungeonParser.parse("wwwww\nwA+gw\nwwwww", "i").toText().chars()
                .filter(c -> c != '\n').mapToObj(DungeonTile::fromSymbol).toArray(DungeonTile[]::new);
        DungeonLevel level = new DungeonLevel("i", 5, 3, tiles);
        tiles[6] = DungeonTile.WALL;
        assertEquals(DungeonTile.AVATAR, level.tile(1, 1));
        assertNotEquals(level, level.withId("other"));
        assertTrue(level.sameLayout(level.withId("other")));
    }
}
