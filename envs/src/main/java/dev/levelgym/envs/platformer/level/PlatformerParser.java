package dev.levelgym.envs.platformer.level;

import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads levels in the VGLC Super Mario Bros text format ({@code Super Mario Bros/Processed/*.txt} of the Video
 * Game Level Corpus): one character per tile, one line per row, {@value PlatformerLevel#HEIGHT} rows of equal
 * length, any width.
 *
 * <p>Accepted: UTF-8 (or ASCII) text; an optional byte-order mark; LF or CRLF line ends; an optional final line
 * end and blank lines after the last row; the tiles of VGLC's {@code smb.json} legend,
 * {@value PlatformerTile#EXPECTED}. Characters that other Mario tools add to the format (the Mario AI Framework's
 * and TOAD-GAN's {@code M F g k # % @ !} and so on) are not VGLC and are rejected, so a file that loads here is a
 * VGLC file.
 *
 * <p>Rejected with the 1-based line and column of the problem, as a {@link LevelFormatException} (the same
 * exception Dungeon-v0's parser throws, so callers handle both alike): an empty text, an empty line between
 * rows, a lone carriage return, any other character, rows of different lengths, a row count other than
 * {@value PlatformerLevel#HEIGHT}, and a level with no start cell (see {@link PlatformerLevel}). Errors that
 * concern the whole level are reported at line 1, column 1.
 */
public final class PlatformerParser {

    private PlatformerParser() {
    }

    /**
     * Parses a level file. The level's id is the file name; errors name the path as given.
     *
     * @throws LevelFormatException if the file is not a valid level
     * @throws IOException          if it cannot be read
     */
    public static PlatformerLevel parse(Path file) throws IOException {
        String source = file.toString();
        Path name = file.getFileName();
        return parse(LevelText.read(file), source, name == null ? source : name.toString());
    }

    /**
     * Parses level text; {@code sourceName} is both the level id and the name errors report.
     *
     * @throws LevelFormatException if the text is not a valid level
     */
    public static PlatformerLevel parse(String text, String sourceName) {
        return parse(text, sourceName, sourceName);
    }

    private static PlatformerLevel parse(String text, String source, String id) {
        int pos = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = text.length();
        // Blank lines after the last row are what editors leave behind, not rows; blank lines between rows are
        // still errors, since they would shift every row below them.
        while (n > pos && text.charAt(n - 1) == '\n') {
            n--;
            if (n > pos && text.charAt(n - 1) == '\r') {
                n--;
            }
        }
        if (pos >= n) {
            throw new LevelFormatException(source, 1, 1, "empty level");
        }
        List<PlatformerTile[]> rows = new ArrayList<>();
        int width = -1;
        int line = 1;
        while (pos < n) {
            if (line > PlatformerLevel.HEIGHT) {
                throw new LevelFormatException(source, line, 1, "more than " + PlatformerLevel.HEIGHT
                        + " rows (VGLC Super Mario Bros levels are " + PlatformerLevel.HEIGHT + " rows high)");
            }
            List<PlatformerTile> row = new ArrayList<>();
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
                PlatformerTile tile = PlatformerTile.fromSymbol(cp);
                if (tile == null) {
                    throw new LevelFormatException(source, line, column,
                            "unknown tile " + describe(cp) + " (expected one of " + PlatformerTile.EXPECTED + ")");
                }
                if (width >= 0 && column > width) {
                    throw new LevelFormatException(source, line, column,
                            "row is longer than the first row (" + width + " tiles)");
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
            rows.add(row.toArray(new PlatformerTile[0]));
            pos++; // past the '\n'; past the end is fine, the loop ends
            line++;
        }
        if (rows.size() != PlatformerLevel.HEIGHT) {
            throw new LevelFormatException(source, 1, 1, "level has " + rows.size() + " rows, expected "
                    + PlatformerLevel.HEIGHT + " (VGLC Super Mario Bros levels are " + PlatformerLevel.HEIGHT
                    + " rows high)");
        }
        if (width < PlatformerLevel.MIN_WIDTH) {
            throw new LevelFormatException(source, 1, 1, "level is " + width + " tiles wide, narrower than "
                    + PlatformerLevel.MIN_WIDTH);
        }
        PlatformerTile[] tiles = new PlatformerTile[width * PlatformerLevel.HEIGHT];
        for (int y = 0; y < PlatformerLevel.HEIGHT; y++) {
            System.arraycopy(rows.get(y), 0, tiles, y * width, width);
        }
        try {
            return new PlatformerLevel(id, width, tiles);
        } catch (IllegalArgumentException e) {
            throw new LevelFormatException(source, 1, 1, e.getMessage());
        }
    }

    private static String describe(int cp) {
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
