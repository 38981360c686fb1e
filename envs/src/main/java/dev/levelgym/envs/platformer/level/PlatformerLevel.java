package dev.levelgym.envs.platformer.level;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.grid.TileGrid;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable platformer level in the VGLC Super Mario Bros format: {@link PlatformerTile}s in rows of equal
 * length, {@value #MIN_WIDTH} to {@link #maxWidth()} columns and {@value #MIN_HEIGHT} to {@value #MAX_HEIGHT} rows
 * ({@value #HEIGHT} for Super Mario Bros, other VGLC platformers have other heights), plus an id saying where it
 * came from (a file name or {@code procedural:<seed>}). Cells are indexed row-major, {@code cell = y * width + x},
 * y growing down as in the text.
 *
 * <p>VGLC files mark no start, so the start is derived: in the leftmost column that has one, the lowest empty
 * ({@code -}) cell standing on a solid tile. A level without such a cell is not well formed. The goal is the
 * right edge: reaching column {@code width - 1} wins.
 */
public final class PlatformerLevel implements TileGrid {

    /**
     * Every VGLC Super Mario Bros level is 14 tiles high (one NES screen without the status bar): the height of
     * procedural levels and GAN windows. Other corpora in the same format are 12 to 16 rows high.
     */
    public static final int HEIGHT = 14;

    /** A start cell needs an empty row over a solid one. */
    public static final int MIN_HEIGHT = 2;

    /**
     * Taller than any side-scrolling VGLC level (13 to 16 rows) with room to spare, and bounded so that a file's size
     * is checked before memory is spent (the solvers' state grows with the height).
     */
    public static final int MAX_HEIGHT = 48;

    /** A start column and a goal column. */
    public static final int MIN_WIDTH = 2;

    /**
     * Five times the longest VGLC level (8-1, 373 columns), and bounded because the solvers' search grows with the
     * width: Platformer-v1's layout search holds up to 3 × width × height × 49 states (about 140 MB at 2048 × 48).
     * The default of {@link #maxWidth()}, which a user may raise ({@link LevelLimits}).
     */
    public static final int DEFAULT_MAX_WIDTH = LevelLimits.DEFAULT_MAX_PLATFORMER_WIDTH;

    private final String id;
    private final int width;
    private final int height;
    private final PlatformerTile[] tiles;
    /** {@code tiles[c].solid()} by cell, for the physics' inner loops. */
    private final boolean[] solid;
    private final int startX;
    private final int startY;

    /** The widest a level may be: {@link LevelLimits#maxPlatformerWidth()}, {@value #DEFAULT_MAX_WIDTH} by default. */
    public static int maxWidth() {
        return LevelLimits.maxPlatformerWidth();
    }

    /**
     * A level {@value #HEIGHT} rows high, as every VGLC Super Mario Bros level is.
     *
     * @param tiles row-major, {@code width * HEIGHT} long; copied
     * @throws IllegalArgumentException if the level is narrower than {@value #MIN_WIDTH} or has no start cell
     */
    public PlatformerLevel(String id, int width, PlatformerTile[] tiles) {
        this(id, width, HEIGHT, tiles);
    }

    /**
     * @param tiles row-major, {@code width * height} long; copied
     * @throws IllegalArgumentException if its width is outside [{@value #MIN_WIDTH}, {@link #maxWidth()}], its height
     *                                  outside [{@value #MIN_HEIGHT}, {@value #MAX_HEIGHT}], or it has no start cell
     */
    public PlatformerLevel(String id, int width, int height, PlatformerTile[] tiles) {
        this.id = Objects.requireNonNull(id, "id");
        int maxWidth = maxWidth();
        if (width < MIN_WIDTH || width > maxWidth) {
            throw new UserInputException("level " + id + " is " + width + " tiles wide, outside [" + MIN_WIDTH
                    + ", " + maxWidth + "]" + (width > maxWidth ? " " + LevelLimits.howToRaisePlatformerWidth() : ""));
        }
        if (height < MIN_HEIGHT || height > MAX_HEIGHT) {
            throw new UserInputException("level " + id + " is " + height + " rows high, outside ["
                    + MIN_HEIGHT + ", " + MAX_HEIGHT + "]");
        }
        if (tiles.length != width * height) {
            throw new UserInputException("level " + id + " of " + width + "x" + height + " needs "
                    + width * height + " tiles, got " + tiles.length);
        }
        this.width = width;
        this.height = height;
        this.tiles = tiles.clone();
        this.solid = new boolean[this.tiles.length];
        for (int c = 0; c < this.tiles.length; c++) {
            solid[c] = Objects.requireNonNull(this.tiles[c], "tile").solid();
        }
        int[] start = findStart();
        if (start == null) {
            throw new UserInputException("level " + id + " has no start: no column has an empty cell '-' "
                    + "on top of a solid tile");
        }
        this.startX = start[0];
        this.startY = start[1];
    }

    private int[] findStart() {
        for (int x = 0; x < width; x++) {
            for (int y = height - 2; y >= 0; y--) {
                if (tile(x, y) == PlatformerTile.EMPTY && tile(x, y + 1).solid()) {
                    return new int[] {x, y};
                }
            }
        }
        return null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int width() {
        return width;
    }

    /** Rows: {@value #HEIGHT} for Super Mario Bros, other corpora differ. */
    @Override
    public int height() {
        return height;
    }

    public int cellCount() {
        return tiles.length;
    }

    /** The tile at column x, row y (0-based from the top left). */
    public PlatformerTile tile(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside " + width + "x" + height);
        }
        return tiles[y * width + x];
    }

    /** True if (x, y) is inside the level and its tile is solid; cells outside are not solid. */
    public boolean solid(int x, int y) {
        return x >= 0 && x < width && y >= 0 && y < height && solid[y * width + x];
    }

    /** The tile at a row-major cell index. */
    public PlatformerTile tile(int cell) {
        return tiles[cell];
    }

    @Override
    public char symbol(int x, int y) {
        return tile(x, y).symbol();
    }

    /** The start column (see the class comment). */
    public int startX() {
        return startX;
    }

    /** The start row. */
    public int startY() {
        return startY;
    }

    /** Number of cells holding {@code tile}. */
    public int count(PlatformerTile tile) {
        int n = 0;
        for (PlatformerTile t : tiles) {
            if (t == tile) {
                n++;
            }
        }
        return n;
    }

    /** The same tiles under another id. */
    @Override
    public PlatformerLevel withId(String newId) {
        return new PlatformerLevel(newId, width, height, tiles);
    }

    /** Columns {@code [from, to)} as a level of their own, with id {@code <id>[from:to]}. */
    public PlatformerLevel slice(int from, int to) {
        if (from < 0 || to > width || to - from < MIN_WIDTH) {
            throw new UserInputException("slice [" + from + ", " + to + ") of a level " + width + " wide");
        }
        int w = to - from;
        PlatformerTile[] out = new PlatformerTile[w * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(tiles, y * width + from, out, y * w, w);
        }
        return new PlatformerLevel(id + "[" + from + ":" + to + "]", w, height, out);
    }

    /**
     * The level in the VGLC format: one row per line, LF line ends, a final newline.
     * {@code PlatformerParser.parse(level.toText(), level.id())} equals this level.
     */
    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder((width + 1) * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(tiles[y * width + x].symbol());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformerLevel l && id.equals(l.id) && width == l.width && height == l.height
                && Arrays.equals(tiles, l.tiles);
    }

    /** True if both levels have the same tiles, whatever their ids. */
    public boolean sameLayout(PlatformerLevel other) {
        return width == other.width && height == other.height && Arrays.equals(tiles, other.tiles);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(tiles);
    }

    @Override
    public String toString() {
        return "PlatformerLevel[" + id + ", " + width + "x" + height + "]\n" + toText();
    }
}
