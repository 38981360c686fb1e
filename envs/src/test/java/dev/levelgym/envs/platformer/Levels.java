package dev.levelgym.envs.platformer;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.util.Arrays;

/** Test levels drawn on flat ground: two rows of {@code X} under 12 empty rows, then edited cell by cell. */
final class Levels {

    private final char[][] g;

    private Levels(int width) {
        g = new char[PlatformerLevel.HEIGHT][width];
        for (char[] row : g) {
            Arrays.fill(row, '-');
        }
        Arrays.fill(g[12], 'X');
        Arrays.fill(g[13], 'X');
    }

    static Levels flat(int width) {
        return new Levels(width);
    }

    Levels set(int x, int y, char c) {
        g[y][x] = c;
        return this;
    }

    /** Removes the ground of columns [from, to). */
    Levels pit(int from, int to) {
        for (int x = from; x < to; x++) {
            g[12][x] = '-';
            g[13][x] = '-';
        }
        return this;
    }

    /** A column of {@code X} {@code height} tiles high standing on the ground at column x. */
    Levels wall(int x, int height) {
        for (int y = 12 - height; y < 12; y++) {
            g[y][x] = 'X';
        }
        return this;
    }

    PlatformerLevel build() {
        StringBuilder sb = new StringBuilder();
        for (char[] row : g) {
            sb.append(row).append('\n');
        }
        return PlatformerParser.parse(sb.toString(), "test");
    }
}
