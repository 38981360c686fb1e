package dev.levelgym.envs.grid;

import dev.levelgym.envs.UserInputException;

/**
 * How large a level may be, checked before memory is spent on it: a level file is refused by its size on disk
 * before it is read, a text or Tiled level by its cell count as it is parsed (every Tiled layer while it is
 * inflated), and a procedural level or observation window by its size before it is built.
 *
 * <p>The limit is {@value #DEFAULT_MAX_CELLS} cells (2<sup>20</sup>: a 1024 × 1024 map, far above any level a game
 * or a corpus we know of uses, while one observation of that many cells still fits a training batch in memory).
 * A user who needs more raises it with the system property {@value #PROPERTY}, e.g.
 * {@code LEVELGYM_JAVA_OPTS=-Dlevelgym.maxLevelCells=4194304 ./levelgym ...}; every refusal says so.
 *
 * <p>Platformer levels (both versions) are held to more than the cell limit, since their solvers' search grows
 * with the level rather than with its file: at most {@value #DEFAULT_MAX_PLATFORMER_WIDTH} columns (five times the
 * longest VGLC level; Platformer-v1's layout search then holds up to 3 × width × height × 49 states, about 140 MB),
 * raised with the system property {@value #PLATFORMER_WIDTH_PROPERTY} up to {@value #PLATFORMER_WIDTH_CEILING}, and
 * at most {@code PlatformerLevel.MAX_HEIGHT} rows, which is not a setting: the solvers pack a row into 6 bits.
 * This is the one set of size limits; every level reader, generator and env checks against it.
 */
public final class LevelLimits {

    /** The system property that overrides {@link #DEFAULT_MAX_CELLS}. */
    public static final String PROPERTY = "levelgym.maxLevelCells";
    public static final long DEFAULT_MAX_CELLS = 1L << 20;
    /** The most the property may allow: 4 bytes per cell must still fit one Java array. */
    public static final long CEILING = 1L << 28;
    /** The system property that overrides {@link #DEFAULT_MAX_PLATFORMER_WIDTH}. */
    public static final String PLATFORMER_WIDTH_PROPERTY = "levelgym.maxPlatformerWidth";
    public static final int DEFAULT_MAX_PLATFORMER_WIDTH = 2048;
    /** The most that property may allow: the solvers' state count (about 7,000 per column) must stay an int. */
    public static final int PLATFORMER_WIDTH_CEILING = 65_536;
    /** Bytes a text level may take per cell: a 4-byte UTF-8 character, or a 1-wide row with its CRLF. */
    static final long TEXT_BYTES_PER_CELL = 4;
    /** Bytes a Tiled map may take per cell: an XML {@code <tile gid="..."/>} element per cell, indented. */
    static final long TMX_BYTES_PER_CELL = 64;

    private LevelLimits() {
    }

    /**
     * The largest number of cells a level may have: {@value #DEFAULT_MAX_CELLS}, or the value of the system
     * property {@value #PROPERTY}.
     *
     * @throws UserInputException if the property is set to anything but a positive integer
     */
    public static long maxCells() {
        return property(PROPERTY, DEFAULT_MAX_CELLS, CEILING, "a number of cells");
    }

    /**
     * The widest a Platformer level may be, in columns: {@value #DEFAULT_MAX_PLATFORMER_WIDTH}, or the value of the
     * system property {@value #PLATFORMER_WIDTH_PROPERTY}.
     *
     * @throws UserInputException if the property is set to anything but a width in 1..
     *                            {@value #PLATFORMER_WIDTH_CEILING}
     */
    public static int maxPlatformerWidth() {
        return (int) property(PLATFORMER_WIDTH_PROPERTY, DEFAULT_MAX_PLATFORMER_WIDTH, PLATFORMER_WIDTH_CEILING,
                "a number of columns");
    }

    private static long property(String name, long defaultValue, long ceiling, String what) {
        String value = System.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0 && n <= ceiling) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("system property " + name + " must be " + what + " in 1.." + ceiling
                + ", got '" + value + "'");
    }

    /** The largest a text level file may be on disk. */
    public static long maxTextBytes() {
        return saturatingTimes(maxCells(), TEXT_BYTES_PER_CELL);
    }

    /** The largest a Tiled map or tileset file may be on disk. */
    public static long maxTmxBytes() {
        return saturatingTimes(maxCells(), TMX_BYTES_PER_CELL);
    }

    /**
     * Refuses a level (or observation window) of {@code width} × {@code height} cells above the limit.
     *
     * @param what names it in the message, e.g. "procedural level" or "option view_radius 900 makes a window"
     * @throws UserInputException naming the size, the limit and how to raise it
     */
    public static void requireCells(String what, long width, long height) {
        long max = maxCells();
        if (width > 0 && height > 0 && (width > max || height > max || width * height > max)) {
            throw new UserInputException(what + " is " + width + "x" + height + " cells, more than the limit of "
                    + max + " " + howToRaise());
        }
    }

    /** The clause every refusal by the cell limit ends with. */
    public static String howToRaise() {
        return howToRaise(PROPERTY);
    }

    /** The clause every refusal by the platformer width limit ends with. */
    public static String howToRaisePlatformerWidth() {
        return howToRaise(PLATFORMER_WIDTH_PROPERTY);
    }

    private static String howToRaise(String property) {
        return "(raise it with -D" + property + "=N, e.g. in LEVELGYM_JAVA_OPTS)";
    }

    private static long saturatingTimes(long a, long b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
