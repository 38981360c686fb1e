package dev.levelgym.envs.grid;

/**
 * A level as a rectangle of one-character tiles, whatever its world: what the PCG metrics (Hamming distance,
 * duplicates, tile-pattern KL) need to compare levels without knowing their rules.
 */
public interface TileGrid {

    /** Where the level came from: a file name, or {@code procedural:<seed>}. */
    String id();

    int width();

    int height();

    /** The file character of the tile at column x, row y (0-based from the top left). */
    char symbol(int x, int y);

    /** The level in its file format: one row per line, LF line ends, a final newline. */
    String toText();

    /** The same level with id {@code newId} (each world's level type returns its own type). */
    TileGrid withId(String newId);
}
