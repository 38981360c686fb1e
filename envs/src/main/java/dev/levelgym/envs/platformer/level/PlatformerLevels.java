package dev.levelgym.envs.platformer.level;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import java.util.Arrays;

/**
 * Generates completable platformer levels from a seed, in the VGLC Super Mario Bros format: two rows of ground,
 * flat for the first {@value #START_ZONE} and the last {@value #END_ZONE} columns, and between them a left-to-right
 * sequence of features drawn from the seeded generator: gaps (2–4 wide), pipes (2–4 high), floating platforms of
 * bricks and question blocks with coins on top, staircases, cannons, coin rows, lone question blocks and walking
 * enemies (never in the start zone).
 *
 * <p>Each candidate is checked with {@link PlatformerSolver}; an incompletable one is redrawn from the same
 * generator, so the result depends on the seed and width only. After {@value #MAX_ATTEMPTS} failed attempts
 * (not seen in practice, the features are sized within the jump's reach) flat ground is used, which is always
 * completable.
 */
public final class PlatformerLevels {

    public static final int MIN_WIDTH = 16;
    static final int START_ZONE = 6;
    static final int END_ZONE = 4;
    static final int MAX_ATTEMPTS = 50;

    private static final int GROUND = PlatformerLevel.HEIGHT - 2;
    private static final int H = PlatformerLevel.HEIGHT;

    private final PlatformerSolver solver = new PlatformerSolver();

    /**
     * The level for {@code seed}, with id {@code procedural:<seed>}. An instance reuses its solver's arrays, so
     * it is not thread-safe: use one per thread.
     */
    public PlatformerLevel generate(long seed, int width) {
        if (width < MIN_WIDTH) {
            throw new UserInputException("procedural platformer levels need width >= " + MIN_WIDTH + ", got "
                    + width);
        }
        String id = "procedural:" + seed;
        Pcg64 rng = Pcg64.seeded(seed);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PlatformerLevel level = new PlatformerLevel(id, width, toTiles(layout(rng, width), width));
            if (solver.solve(level).completable()) {
                return level;
            }
        }
        return new PlatformerLevel(id, width, toTiles(ground(width), width));
    }

    /** Static convenience for one-off use. */
    public static PlatformerLevel of(long seed, int width) {
        return new PlatformerLevels().generate(seed, width);
    }

    private static char[][] ground(int w) {
        char[][] g = new char[H][w];
        for (char[] row : g) {
            Arrays.fill(row, '-');
        }
        Arrays.fill(g[GROUND], 'X');
        Arrays.fill(g[GROUND + 1], 'X');
        return g;
    }

    private static char[][] layout(Pcg64 rng, int w) {
        char[][] g = ground(w);
        int end = w - END_ZONE;
        int x = START_ZONE;
        while (x < end) {
            int room = end - x;
            int used = switch (rng.nextInt(8)) {
                case 0 -> gap(rng, g, x, room);
                case 1 -> pipe(rng, g, x, room);
                case 2 -> platform(rng, g, x, room);
                case 3 -> stairs(rng, g, x, room);
                case 4 -> enemies(rng, g, x, room);
                case 5 -> coins(rng, g, x, room);
                case 6 -> questions(rng, g, x, room);
                default -> cannon(rng, g, x, room);
            };
            x += Math.max(used, 1) + 1 + rng.nextInt(3);
        }
        return g;
    }

    private static int gap(Pcg64 rng, char[][] g, int x, int room) {
        int n = Math.min(2 + rng.nextInt(3), room - 1);
        for (int i = 0; i < n; i++) {
            g[GROUND][x + i] = '-';
            g[GROUND + 1][x + i] = '-';
        }
        return n + 1;
    }

    private static int pipe(Pcg64 rng, char[][] g, int x, int room) {
        if (room < 3) {
            return 0;
        }
        int height = 2 + rng.nextInt(3);
        int top = GROUND - height;
        g[top][x] = '<';
        g[top][x + 1] = '>';
        for (int y = top + 1; y < GROUND; y++) {
            g[y][x] = '[';
            g[y][x + 1] = ']';
        }
        if (room > 6 && rng.nextInt(2) == 0) {
            g[GROUND - 1][x + 4] = 'E';
        }
        return 2;
    }

    private static int platform(Pcg64 rng, char[][] g, int x, int room) {
        int n = Math.min(3 + rng.nextInt(4), room);
        int row = GROUND - 4;
        for (int i = 0; i < n; i++) {
            g[row][x + i] = rng.nextInt(3) == 0 ? '?' : 'S';
            if (rng.nextInt(2) == 0) {
                g[row - 1][x + i] = 'o';
            }
        }
        return n;
    }

    private static int stairs(Pcg64 rng, char[][] g, int x, int room) {
        int steps = Math.min(2 + rng.nextInt(3), room / 2);
        boolean down = rng.nextInt(2) == 0;
        int cols = down ? 2 * steps : steps;
        for (int i = 0; i < cols; i++) {
            int h = i < steps ? i + 1 : 2 * steps - i;
            for (int y = GROUND - h; y < GROUND; y++) {
                g[y][x + i] = 'X';
            }
        }
        return cols;
    }

    private static int enemies(Pcg64 rng, char[][] g, int x, int room) {
        int n = Math.min(1 + rng.nextInt(2), room);
        for (int i = 0; i < n; i++) {
            g[GROUND - 1][x + 2 * i] = 'E';
        }
        return 2 * n;
    }

    private static int coins(Pcg64 rng, char[][] g, int x, int room) {
        int n = Math.min(3 + rng.nextInt(3), room);
        int row = GROUND - 2 - rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            g[row][x + i] = 'o';
        }
        return n;
    }

    private static int questions(Pcg64 rng, char[][] g, int x, int room) {
        int n = Math.min(1 + rng.nextInt(3), (room + 1) / 2);
        for (int i = 0; i < n; i++) {
            g[GROUND - 4][x + 2 * i] = '?';
        }
        return 2 * n - 1;
    }

    private static int cannon(Pcg64 rng, char[][] g, int x, int room) {
        int height = 1 + rng.nextInt(2);
        g[GROUND - height][x] = 'B';
        for (int y = GROUND - height + 1; y < GROUND; y++) {
            g[y][x] = 'b';
        }
        return 1;
    }

    private static PlatformerTile[] toTiles(char[][] g, int w) {
        PlatformerTile[] tiles = new PlatformerTile[w * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < w; x++) {
                tiles[y * w + x] = PlatformerTile.fromSymbol(g[y][x]);
            }
        }
        return tiles;
    }
}
