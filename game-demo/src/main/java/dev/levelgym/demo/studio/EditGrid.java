package dev.levelgym.demo.studio;

import java.util.Arrays;

/**
 * The level being edited: a mutable rectangle of tile characters (the level file's own), row-major with y growing
 * down as in the file. Unlike a level it need not be well formed (no avatar yet, two doors, no start): the live
 * check says what is wrong, in place.
 */
public final class EditGrid {

    private final int width;
    private final int height;
    private final char[] cells;

    /** A grid of {@code width × height} cells all holding {@code fill}. */
    public EditGrid(int width, int height, char fill) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a grid is at least 1x1, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.cells = new char[width * height];
        Arrays.fill(cells, fill);
    }

    private EditGrid(int width, int height, char[] cells) {
        this.width = width;
        this.height = height;
        this.cells = cells;
    }

    /** A grid of the given rows, which must all have the same, non-zero length. */
    public static EditGrid of(String... rows) {
        int w = rows.length == 0 ? 0 : rows[0].length();
        if (w == 0) {
            throw new IllegalArgumentException("a grid needs at least one non-empty row");
        }
        char[] cells = new char[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != w) {
                throw new IllegalArgumentException("row " + (y + 1) + " has " + rows[y].length() + " cells, not " + w);
            }
            rows[y].getChars(0, w, cells, y * w);
        }
        return new EditGrid(w, rows.length, cells);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int cellCount() {
        return cells.length;
    }

    public boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    public char get(int x, int y) {
        return cells[index(x, y)];
    }

    public char get(int cell) {
        return cells[cell];
    }

    /** Sets a cell; returns what it held. */
    public char set(int x, int y, char tile) {
        int i = index(x, y);
        char was = cells[i];
        cells[i] = tile;
        return was;
    }

    private int index(int x, int y) {
        if (!inside(x, y)) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside " + width + "x" + height);
        }
        return y * width + x;
    }

    public EditGrid copy() {
        return new EditGrid(width, height, cells.clone());
    }

    /** The cells that differ from {@code other}'s (all of them when the sizes differ), as row-major indices. */
    public int[] changedFrom(EditGrid other) {
        if (other.width != width || other.height != height) {
            int[] all = new int[cells.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int n = 0;
        int[] out = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != other.cells[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The grid in the level file format: one row per line, LF line ends, a final newline. */
    public String text() {
        StringBuilder sb = new StringBuilder((width + 1) * height);
        for (int y = 0; y < height; y++) {
            sb.append(cells, y * width, width).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EditGrid g && g.width == width && Arrays.equals(g.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * width + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return width + "x" + height + "\n" + text();
    }
}
