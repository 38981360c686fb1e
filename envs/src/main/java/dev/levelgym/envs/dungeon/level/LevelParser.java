package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * smaller than {@value Level#MIN_SIZE}×{@value Level#MIN_SIZE}. Errors that concern the whole level (a missing
 * key, say) are reported at line 1, column 1. Nothing is returned unless the whole text is valid.
 */
public final class LevelParser {

    private LevelParser() {
    }

    /**
     * Parses a level file: a Tiled map if its name ends in {@code .tmx} (see {@link TmxLevelReader}), else the
     * text format. The level's id is the file name; errors name the path as given.
     *
     * @throws LevelFormatException if the file is not a valid level
     * @throws IOException if it cannot be read
     */
    public static Level parse(Path file) throws IOException {
        Path fileName = file.getFileName();
        if (fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".tmx")) {
            return TmxLevelReader.read(file);
        }
        String source = file.toString();
        return parse(LevelText.read(file), source, fileName == null ? source : fileName.toString());
    }

    /**
     * Parses level text; {@code sourceName} is both the level id and the name errors report.
     *
     * @throws LevelFormatException if the text is not a valid level
     */
    public static Level parse(String text, String sourceName) {
        return parse(text, sourceName, sourceName);
    }

    private static Level parse(String text, String source, String id) {
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<Tile[]> rows = new ArrayList<>();
        int width = -1;
        int avatarLine = 0;
        int avatarColumn = 0;
        boolean key = false;
        boolean door = false;
        int line = 1;
        int pos = start;
        int n = text.length();
        // Blank lines after the last row are what editors leave behind, not rows: drop them. Blank lines
        // between rows are still errors, since they would shift every row below them.
        while (n > pos && text.charAt(n - 1) == '\n') {
            n--;
            if (n > pos && text.charAt(n - 1) == '\r') {
                n--;
            }
        }
        if (pos >= n) {
            throw new LevelFormatException(source, 1, 1, "empty level");
        }
        while (pos < n) {
            List<Tile> row = new ArrayList<>();
            int column = 1;
            while (pos < n) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    if (pos + 1 < n && text.charAt(pos + 1) == '\n') {
                        pos++;
                        break;
                    }
                    throw new LevelFormatException(source, line, column,
                            "carriage return without line feed (line ends must be LF or CRLF)");
                }
                int cp = text.codePointAt(pos);
                Tile tile = Tile.fromSymbol(cp);
                if (tile == null) {
                    throw new LevelFormatException(source, line, column,
                            "unknown tile " + describe(cp) + " (expected one of " + Tile.EXPECTED + ")");
                }
                if (width >= 0 && column > width) {
                    throw new LevelFormatException(source, line, column,
                            "row is longer than the first row (" + width + " tiles)");
                }
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
                row.add(tile);
                pos += Character.charCount(cp);
                column++;
            }
            if (row.isEmpty()) {
                throw new LevelFormatException(source, line, 1, "empty row");
            }
            if (width < 0) {
                width = row.size();
            } else if (row.size() != width) {
                throw new LevelFormatException(source, line, row.size() + 1,
                        "row has " + row.size() + " tiles, expected " + width + " as in the first row");
            }
            rows.add(row.toArray(new Tile[0]));
            pos++; // past the '\n'; past the end is fine, the loop ends
            line++;
        }
        int height = rows.size();
        if (width < Level.MIN_SIZE || height < Level.MIN_SIZE) {
            throw new LevelFormatException(source, 1, 1, "level is " + width + "x" + height
                    + ", smaller than " + Level.MIN_SIZE + "x" + Level.MIN_SIZE);
        }
        if (avatarLine == 0) {
            throw new LevelFormatException(source, 1, 1, "no avatar 'A'");
        }
        if (!key) {
            throw new LevelFormatException(source, 1, 1, "no key '+'");
        }
        if (!door) {
            throw new LevelFormatException(source, 1, 1, "no goal door 'g'");
        }
        Tile[] tiles = new Tile[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rows.get(y), 0, tiles, y * width, width);
        }
        return new Level(id, width, height, tiles);
    }

    private static String describe(int cp) {
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
