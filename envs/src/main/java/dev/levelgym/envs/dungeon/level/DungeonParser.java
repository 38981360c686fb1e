package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads levels in GVGAI zelda's text format: one character per tile, one line per row, all rows the same length.
 *
 * <p>Accepted: UTF-8 (or ASCII) text; an optional UTF-8 byte-order mark; LF or CRLF line ends (GVGAI's files
 * use LF and its newer ones have no final newline, so a final line end is optional, and blank lines after the
 * last row are ignored); the tiles
 * {@code w . A + g 1 2 3}, plus a space as floor because older GVGAI level files draw floor that way.
 *
 * <p>Rejected, with the 1-based line and column of the problem: an empty text, an empty line between rows, a lone carriage return, any other character (tabs, trailing spaces that make rows
 * ragged, {@code G}, ...), rows of different lengths, no avatar, several avatars, no key, no door, and levels
 * smaller than {@value DungeonLevel#MIN_SIZE}×{@value DungeonLevel#MIN_SIZE}. Errors that concern the whole level (a missing
 * key, say) are reported at line 1, column 1. Nothing is returned unless the whole text is valid.
 */
public final class DungeonParser {

    private DungeonParser() {
    }

    /**
     * Parses a level file: a Tiled map if its name ends in {@code .tmx} (see {@link DungeonTmxReader}), else the
     * text format. The level's id is the file name; errors name the path as given.
     *
     * @throws LevelFormatException if the file is not a valid level
     * @throws IOException if it cannot be read
     */
    public static DungeonLevel parse(Path file) throws IOException {
        Path fileName = file.getFileName();
        if (fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".tmx")) {
            return DungeonTmxReader.read(file);
        }
        String source = file.toString();
        return parse(LevelText.read(file), source, fileName == null ? source : fileName.toString());
    }

    /**
     * Parses level text; {@code sourceName} is both the level id and the name errors report.
     *
     * @throws LevelFormatException if the text is not a valid level
     */
    public static DungeonLevel parse(String text, String sourceName) {
        return parse(text, sourceName, sourceName);
    }

    private static DungeonLevel parse(String text, String source, String id) {
        Pieces pieces = new Pieces(source);
        LevelText.Grid<DungeonTile> grid = LevelText.grid(text, source, DungeonTile::fromSymbol, DungeonTile.EXPECTED,
                Integer.MAX_VALUE, "", pieces);
        int width = grid.width();
        int height = grid.height();
        if (width < DungeonLevel.MIN_SIZE || height < DungeonLevel.MIN_SIZE) {
            throw new LevelFormatException(source, 1, 1, "level is " + width + "x" + height
                    + ", smaller than " + DungeonLevel.MIN_SIZE + "x" + DungeonLevel.MIN_SIZE);
        }
        if (pieces.avatarLine == 0) {
            throw new LevelFormatException(source, 1, 1, "no avatar 'A'");
        }
        if (!pieces.key) {
            throw new LevelFormatException(source, 1, 1, "no key '+'");
        }
        if (!pieces.door) {
            throw new LevelFormatException(source, 1, 1, "no goal door 'g'");
        }
        return new DungeonLevel(id, width, height, grid.tiles().toArray(new DungeonTile[0]));
    }

    /** Tracks the pieces a level needs as the tiles are read: exactly one avatar, and a key and a door. */
    private static final class Pieces implements LevelText.TileVisitor<DungeonTile> {

        private final String source;
        private int avatarLine;
        private int avatarColumn;
        private boolean key;
        private boolean door;

        Pieces(String source) {
            this.source = source;
        }

        @Override
        public void visit(DungeonTile tile, int line, int column) {
            switch (tile) {
                case AVATAR -> {
                    if (avatarLine > 0) {
                        throw new LevelFormatException(source, line, column, "second avatar 'A' (first at "
                                + avatarLine + ":" + avatarColumn + "); a level has exactly one");
                    }
                    avatarLine = line;
                    avatarColumn = column;
                }
                case KEY -> key = true;
                case DOOR -> door = true;
                default -> {
                }
            }
        }
    }
}
