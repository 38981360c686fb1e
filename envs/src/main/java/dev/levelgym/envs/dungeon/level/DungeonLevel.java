package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dungeon level: a rectangle of {@link DungeonTile}s plus an id saying where it came from (a file name or
 * {@code procedural:<seed>}). Cells are indexed row-major, {@code cell = y * width + x}, with y growing down as
 * in the text.
 *
 * <p>Every level is well formed: exactly one avatar, at least one key and one door, at least
 * {@value #MIN_SIZE}×{@value #MIN_SIZE}. A wall border is not required; the game treats outside as wall.
 */
public final class DungeonLevel implements TileGrid {

    /** Smallest width and height: enough for a wall border around one open cell, as GVGAI's smallest levels. */
    public static final int MIN_SIZE = 3;

    private final String id;
    private final int width;
    private final int height;
    private final DungeonTile[] tiles;
    private final int avatarCell;

    /**
     * @param tiles row-major, {@code width * height} long; copied
     * @throws IllegalArgumentException if the level is not well formed
     */
    public DungeonLevel(String id, int width, int height, DungeonTile[] tiles) {
        this.id = Objects.requireNonNull(id, "id");
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new UserInputException("level " + id + " is " + width + "x" + height
                    + ", smaller than " + MIN_SIZE + "x" + MIN_SIZE);
        }
        if (tiles.length != width * height) {
            throw new UserInputException("level " + id + " of " + width + "x" + height + " needs "
                    + width * height + " tiles, got " + tiles.length);
        }
        this.width = width;
        this.height = height;
        this.tiles = tiles.clone();
        int avatar = -1;
        int keys = 0;
        int doors = 0;
        for (int i = 0; i < this.tiles.length; i++) {
            DungeonTile t = Objects.requireNonNull(this.tiles[i], "tile");
            if (t == DungeonTile.AVATAR) {
                if (avatar >= 0) {
                    throw new UserInputException("level " + id + " has several avatars");
                }
                avatar = i;
            } else if (t == DungeonTile.KEY) {
                keys++;
            } else if (t == DungeonTile.DOOR) {
                doors++;
            }
        }
        if (avatar < 0 || keys == 0 || doors == 0) {
            throw new UserInputException("level " + id + " needs an avatar, a key and a door; has "
                    + (avatar < 0 ? 0 : 1) + " avatar(s), " + keys + " key(s), " + doors + " door(s)");
        }
        this.avatarCell = avatar;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public int cellCount() {
        return tiles.length;
    }

    /** The tile at column x, row y (0-based from the top left). */
    public DungeonTile tile(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside " + width + "x" + height);
        }
        return tiles[y * width + x];
    }

    @Override
    public char symbol(int x, int y) {
        return tile(x, y).symbol();
    }

    /** The tile at a row-major cell index. */
    public DungeonTile tile(int cell) {
        return tiles[cell];
    }

    public int avatarCell() {
        return avatarCell;
    }

    /** The same tiles under another id. */
    @Override
    public DungeonLevel withId(String newId) {
        return new DungeonLevel(newId, width, height, tiles);
    }

    /**
     * The level in the file format: one row per line, LF line ends, a final newline, floor as {@code '.'}.
     * {@code DungeonParser.parse(level.toText(), level.id())} equals this level.
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
        return o instanceof DungeonLevel l && id.equals(l.id) && width == l.width && Arrays.equals(tiles, l.tiles);
    }

    /** True if both levels have the same tiles, whatever their ids. */
    public boolean sameLayout(DungeonLevel other) {
        return width == other.width && Arrays.equals(tiles, other.tiles);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(tiles);
    }

    @Override
    public String toString() {
        return "Level[" + id + ", " + width + "x" + height + "]\n" + toText();
    }
}
