package dev.levelgym.envs.platformer.level;

import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.grid.LevelText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads levels in the VGLC Super Mario Bros text format ({@code Super Mario Bros/Processed/*.txt} of the Video
 * Game Level Corpus): one character per tile, one line per row, rows of equal length, any width, and any height
 * from {@value PlatformerLevel#MIN_HEIGHT} to {@value PlatformerLevel#MAX_HEIGHT} rows (Super Mario Bros levels are
 * {@value PlatformerLevel#HEIGHT}; other VGLC platformers in this format are 12 to 16).
 *
 * <p>Accepted: UTF-8 (or ASCII) text; an optional byte-order mark; LF or CRLF line ends; an optional final line
 * end and blank lines after the last row; the tiles of VGLC's {@code smb.json} legend,
 * {@value PlatformerTile#EXPECTED}. Characters that other Mario tools add to the format (the Mario AI Framework's
 * and TOAD-GAN's {@code M F g k # % @ !} and so on) are not VGLC and are rejected, so a file that loads here is a
 * VGLC file.
 *
 * <p>Rejected with the 1-based line and column of the problem, as a {@link LevelFormatException} (the same
 * exception Dungeon-v0's parser throws, so callers handle both alike): an empty text, an empty line between
 * rows, a lone carriage return, any other character, rows of different lengths, rows longer than
 * {@link PlatformerLevel#maxWidth()} tiles, more than
 * {@value PlatformerLevel#MAX_HEIGHT} rows (at the first row too many, before the rest is read), fewer than
 * {@value PlatformerLevel#MIN_HEIGHT}, and a level with no start cell (see {@link PlatformerLevel}). Errors that
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
        String high = " (VGLC Super Mario Bros levels are " + PlatformerLevel.HEIGHT + " rows high, other VGLC "
                + "platformers 12 to 16)";
        LevelText.Grid<PlatformerTile> grid = LevelText.grid(text, source, PlatformerTile::fromSymbol,
                PlatformerTile.EXPECTED, PlatformerLevel.MAX_HEIGHT,
                "more than " + PlatformerLevel.MAX_HEIGHT + " rows" + high, (tile, line, column) -> { });
        int width = grid.width();
        if (grid.height() < PlatformerLevel.MIN_HEIGHT) {
            throw new LevelFormatException(source, 1, 1, "level has " + grid.height() + " row, at least "
                    + PlatformerLevel.MIN_HEIGHT + " expected" + high);
        }
        if (width < PlatformerLevel.MIN_WIDTH) {
            throw new LevelFormatException(source, 1, 1, "level is " + width + " tiles wide, narrower than "
                    + PlatformerLevel.MIN_WIDTH);
        }
        int maxWidth = PlatformerLevel.maxWidth();
        if (width > maxWidth) {
            throw new LevelFormatException(source, 1, maxWidth + 1, "row has " + width + " tiles, more than "
                    + maxWidth + " (the longest VGLC level has 373) " + LevelLimits.howToRaisePlatformerWidth());
        }
        try {
            return new PlatformerLevel(id, width, grid.height(), grid.tiles().toArray(new PlatformerTile[0]));
        } catch (IllegalArgumentException e) {
            throw new LevelFormatException(source, 1, 1, e.getMessage());
        }
    }
}
