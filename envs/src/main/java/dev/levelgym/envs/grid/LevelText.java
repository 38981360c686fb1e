package dev.levelgym.envs.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The text side of the worlds' level formats (one character per tile, one line per row): reading a file as strict
 * UTF-8, and splitting text into a rectangle of tiles with every error located by line and column.
 */
public final class LevelText {

    private LevelText() {
    }

    /**
     * The file as strict UTF-8: a level with a stray byte is refused rather than read with a replacement character
     * that would then be reported as an unknown tile somewhere else. A file larger than a level within
     * {@link LevelLimits} can be is refused after reading one byte past that size, whatever it is (a 6 GB text, a
     * device, a pipe).
     *
     * @throws LevelFormatException naming the file if it is not UTF-8 or too large
     * @throws IOException          if it cannot be read
     */
    public static String read(Path file) throws IOException {
        byte[] bytes = readBounded(file, LevelLimits.maxTextBytes());
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LevelFormatException(file.toString(), 1, 1, "not UTF-8 text");
        }
    }

    /**
     * The bytes of {@code file}, refused as a {@link LevelFormatException} at 1:1 if it holds more than
     * {@code maxBytes}; at most {@code maxBytes + 1} bytes are ever read.
     */
    public static byte[] readBounded(Path file, long maxBytes) throws IOException {
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(cap + 1);
        }
        if (bytes.length > cap) {
            throw new LevelFormatException(file.toString(), 1, 1, "file is larger than " + cap
                    + " bytes, more than a level of at most " + LevelLimits.maxCells() + " cells takes "
                    + LevelLimits.howToRaise());
        }
        return bytes;
    }

    /** The tiles of a text, row-major, {@code width} per row. */
    public record Grid<T>(int width, List<T> tiles) {

        public int height() {
            return tiles.size() / width;
        }
    }

    /** Told of every tile in reading order, after its character and the row length were checked. */
    @FunctionalInterface
    public interface TileVisitor<T> {
        void visit(T tile, int line, int column);
    }

    /**
     * Splits {@code text} into equal rows of tiles. Accepted: an optional byte-order mark, LF or CRLF line ends,
     * and blank lines after the last row (editors leave them behind); blank lines between rows stay errors, since
     * they would shift every row below them.
     *
     * @param source   the name errors report
     * @param tiles    the tile of a character (code point), or null if the legend has none
     * @param expected the legend as errors list it
     * @param maxRows  rows allowed; the first row beyond is refused with {@code tooManyRows} as the reason
     * @throws LevelFormatException at the line and column of the first problem
     */
    public static <T> Grid<T> grid(String text, String source, IntFunction<T> tiles, String expected, int maxRows,
                                   String tooManyRows, TileVisitor<T> visitor) {
        int pos = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = text.length();
        while (n > pos && text.charAt(n - 1) == '\n') {
            n--;
            if (n > pos && text.charAt(n - 1) == '\r') {
                n--;
            }
        }
        if (pos >= n) {
            throw new LevelFormatException(source, 1, 1, "empty level");
        }
        long maxCells = LevelLimits.maxCells();
        List<T> all = new ArrayList<>();
        int width = -1;
        int line = 1;
        while (pos < n) {
            if (line > maxRows) {
                throw new LevelFormatException(source, line, 1, tooManyRows);
            }
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
                T tile = tiles.apply(cp);
                if (tile == null) {
                    throw new LevelFormatException(source, line, column,
                            "unknown tile " + describe(cp) + " (expected one of " + expected + ")");
                }
                if (width >= 0 && column > width) {
                    throw new LevelFormatException(source, line, column,
                            "row is longer than the first row (" + width + " tiles)");
                }
                if (all.size() >= maxCells) {
                    throw new LevelFormatException(source, line, column, "level has more than " + maxCells
                            + " cells " + LevelLimits.howToRaise());
                }
                visitor.visit(tile, line, column);
                all.add(tile);
                pos += Character.charCount(cp);
                column++;
            }
            int length = column - 1;
            if (length == 0) {
                throw new LevelFormatException(source, line, 1, "empty row");
            }
            if (width < 0) {
                width = length;
            } else if (length != width) {
                throw new LevelFormatException(source, line, length + 1,
                        "row has " + length + " tiles, expected " + width + " as in the first row");
            }
            pos++; // past the '\n'; past the end is fine, the loop ends
            line++;
        }
        return new Grid<>(width, all);
    }

    private static String describe(int cp) {
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
