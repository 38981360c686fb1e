package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.random.Pcg64;
import java.util.Arrays;

/**
 * Generates playable zelda-style levels from a seed: a wall border, an interior laid out as rooms (recursive
 * division with doorways), scattered wall blocks, or both, then an avatar, one key, one door and one to three
 * enemies on distinct floor cells, no enemy within one step (including diagonally) of the avatar's start.
 *
 * <p>Each candidate is checked with {@link DungeonSolver}; unplayable ones, and ones solved in fewer than
 * (width + height) / 3 moves (a key and door next to the start teach nothing), are redrawn from the same seeded
 * generator, so the result depends on the seed and size only. After {@value #MAX_ATTEMPTS} failed attempts
 * (rare outside the smallest sizes) an open room is used, which is always playable.
 */
public final class DungeonLevels {

    public static final int MIN_WIDTH = 5;
    public static final int MIN_HEIGHT = 5;
    static final int MAX_ATTEMPTS = 200;

    private static final DungeonTile[] ENEMIES = {DungeonTile.ENEMY_QUICK, DungeonTile.ENEMY_NORMAL, DungeonTile.ENEMY_SLOW};

    private final DungeonSolver solver = new DungeonSolver();

    /**
     * The level for {@code seed}, with id {@code procedural:<seed>}. An instance reuses its solver's arrays, so
     * it is not thread-safe: use one per thread.
     */
    public DungeonLevel generate(long seed, int width, int height) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new UserInputException("procedural levels need at least " + MIN_WIDTH + "x" + MIN_HEIGHT
                    + ", got " + width + "x" + height);
        }
        LevelLimits.requireCells("a procedural level", width, height);
        String id = "procedural:" + seed;
        Pcg64 rng = Pcg64.seeded(seed);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DungeonTile[] tiles = layout(rng, width, height);
            if (place(rng, tiles, width, height)) {
                DungeonLevel level = new DungeonLevel(id, width, height, tiles);
                DungeonSolution solution = solver.shortest(level);
                if (solution.playable() && solution.length() >= (width + height) / 3) {
                    return level;
                }
            }
        }
        // An open room with the pieces in its corners: playable at any size, enemy two steps from the avatar.
        DungeonTile[] tiles = border(width, height);
        tiles[width + 1] = DungeonTile.AVATAR;
        tiles[width + width - 2] = DungeonTile.KEY;
        tiles[(height - 2) * width + width - 2] = DungeonTile.DOOR;
        tiles[(height - 2) * width + 1] = DungeonTile.ENEMY_SLOW;
        return new DungeonLevel(id, width, height, tiles);
    }

    /** Static convenience for one-off use. */
    public static DungeonLevel of(long seed, int width, int height) {
        return new DungeonLevels().generate(seed, width, height);
    }

    private static DungeonTile[] border(int w, int h) {
        DungeonTile[] t = new DungeonTile[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                t[y * w + x] = x == 0 || y == 0 || x == w - 1 || y == h - 1 ? DungeonTile.WALL : DungeonTile.FLOOR;
            }
        }
        return t;
    }

    private static DungeonTile[] layout(Pcg64 rng, int w, int h) {
        DungeonTile[] t = border(w, h);
        int style = rng.nextInt(3);
        if (style != 1) {
            divide(rng, t, w, 1, 1, w - 2, h - 2, 0);
        }
        if (style != 0) {
            scatter(rng, t, w, h, style == 1 ? 0.10 + 0.15 * rng.nextDouble() : 0.06 * rng.nextDouble());
        }
        return t;
    }

    /**
     * Recursive division of the open rectangle [x0,x1]×[y0,y1]: a wall across it with one or two gaps. Depth is
     * capped and rooms may stay undivided at random, so layouts range from a few large rooms to many small ones.
     */
    private static void divide(Pcg64 rng, DungeonTile[] t, int w, int x0, int y0, int x1, int y1, int depth) {
        int rw = x1 - x0 + 1;
        int rh = y1 - y0 + 1;
        if (depth >= 3 || (depth > 0 && rng.nextDouble() < 0.3)) {
            return;
        }
        boolean canV = rw >= 5;
        boolean canH = rh >= 5;
        if (!canV && !canH) {
            return;
        }
        boolean vertical = canV && (!canH || (rw == rh ? rng.nextBoolean() : rw > rh));
        if (vertical) {
            int wx = x0 + 2 + rng.nextInt(rw - 4);
            for (int y = y0; y <= y1; y++) {
                t[y * w + wx] = DungeonTile.WALL;
            }
            int gaps = 1 + rng.nextInt(2);
            for (int g = 0; g < gaps; g++) {
                t[(y0 + rng.nextInt(rh)) * w + wx] = DungeonTile.FLOOR;
            }
            divide(rng, t, w, x0, y0, wx - 1, y1, depth + 1);
            divide(rng, t, w, wx + 1, y0, x1, y1, depth + 1);
        } else {
            int wy = y0 + 2 + rng.nextInt(rh - 4);
            for (int x = x0; x <= x1; x++) {
                t[wy * w + x] = DungeonTile.WALL;
            }
            int gaps = 1 + rng.nextInt(2);
            for (int g = 0; g < gaps; g++) {
                t[wy * w + x0 + rng.nextInt(rw)] = DungeonTile.FLOOR;
            }
            divide(rng, t, w, x0, y0, x1, wy - 1, depth + 1);
            divide(rng, t, w, x0, wy + 1, x1, y1, depth + 1);
        }
    }

    private static void scatter(Pcg64 rng, DungeonTile[] t, int w, int h, double density) {
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                if (rng.nextDouble() < density) {
                    t[y * w + x] = DungeonTile.WALL;
                }
            }
        }
    }

    /** Places avatar, key, door and enemies on floor; false if there is not enough room. */
    private static boolean place(Pcg64 rng, DungeonTile[] t, int w, int h) {
        int[] floor = new int[t.length];
        int n = 0;
        for (int c = 0; c < t.length; c++) {
            if (t[c] == DungeonTile.FLOOR) {
                floor[n++] = c;
            }
        }
        int enemies = 1 + rng.nextInt(3);
        if (n < 4) {
            return false;
        }
        // A partial Fisher-Yates shuffle draws distinct cells without a set.
        int[] cells = Arrays.copyOf(floor, n);
        int avatar = take(rng, cells, 0, n);
        int key = take(rng, cells, 1, n);
        int door = take(rng, cells, 2, n);
        t[avatar] = DungeonTile.AVATAR;
        t[key] = DungeonTile.KEY;
        t[door] = DungeonTile.DOOR;
        int ax = avatar % w;
        int ay = avatar / w;
        int placed = 0;
        for (int i = 3; i < n && placed < enemies; i++) {
            int c = take(rng, cells, i, n);
            if (Math.abs(c % w - ax) <= 1 && Math.abs(c / w - ay) <= 1) {
                continue;
            }
            t[c] = ENEMIES[rng.nextInt(ENEMIES.length)];
            placed++;
        }
        return placed > 0;
    }

    private static int take(Pcg64 rng, int[] cells, int i, int n) {
        int j = i + rng.nextInt(n - i);
        int c = cells[j];
        cells[j] = cells[i];
        cells[i] = c;
        return c;
    }
}
