package dev.levelgym.envs.platformer.level;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.random.Pcg64;
import java.util.Arrays;
import java.util.Objects;

/**
 * Generates completable platformer levels from a seed, in the VGLC Super Mario Bros format ({@value
 * PlatformerLevel#HEIGHT} rows unless asked for another height; the features keep their height above the ground,
 * which is always the bottom two rows): two rows of ground,
 * flat for the first {@value #START_ZONE} and the last {@value #END_ZONE} columns, and between them a left-to-right
 * sequence of features drawn from the seeded generator: gaps (2–4 wide), pipes (2–4 high), floating platforms of
 * bricks and question blocks with coins on top, staircases, cannons, coin rows, lone question blocks and walking
 * enemies (never in the start zone).
 *
 * <p>Each candidate is checked with {@link PlatformerSolver} under the rules the levels are for (a Platformer-v0
 * env checks them with v0's rules, so its levels are the ones published); an incompletable one is redrawn from the
 * same generator, so the result depends on the seed, the size and the rules only. After {@value #MAX_ATTEMPTS}
 * failed attempts (not seen in practice, the features are sized within the jump's reach) flat ground is used,
 * which is always completable.
 */
public final class PlatformerLevels {

    public static final int MIN_WIDTH = 16;
    /** Room for the tallest feature (a platform four rows up with coins on top) and a jump over it. */
    public static final int MIN_HEIGHT = 10;
    static final int START_ZONE = 6;
    static final int END_ZONE = 4;
    static final int MAX_ATTEMPTS = 50;

    private final PlatformerSolver solver;

    /** A generator of Platformer-v1 levels. */
    public PlatformerLevels() {
        this(PlatformerRules.V1);
    }

    /** A generator whose levels are completable under {@code rules}. */
    public PlatformerLevels(PlatformerRules rules) {
        this.solver = new PlatformerSolver(Objects.requireNonNull(rules, "rules"));
    }

    /** {@link #generate(long, int, int)} {@value PlatformerLevel#HEIGHT} rows high. */
    public PlatformerLevel generate(long seed, int width) {
        return generate(seed, width, PlatformerLevel.HEIGHT);
    }

    /**
     * The level for {@code seed}, with id {@code procedural:<seed>}. An instance reuses its solver's arrays, so
     * it is not thread-safe: use one per thread.
     */
    public PlatformerLevel generate(long seed, int width, int height) {
        int maxWidth = PlatformerLevel.maxWidth();
        if (width < MIN_WIDTH || width > maxWidth) {
            throw new UserInputException("procedural platformer levels need width in [" + MIN_WIDTH + ", "
                    + maxWidth + "], got " + width
                    + (width > maxWidth ? " " + LevelLimits.howToRaisePlatformerWidth() : ""));
        }
        if (height < MIN_HEIGHT || height > PlatformerLevel.MAX_HEIGHT) {
            throw new UserInputException("procedural platformer levels need height in [" + MIN_HEIGHT + ", "
                    + PlatformerLevel.MAX_HEIGHT + "], got " + height);
        }
        LevelLimits.requireCells("a procedural platformer level", width, height);
        String id = "procedural:" + seed;
        Pcg64 rng = Pcg64.seeded(seed);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PlatformerLevel level = new PlatformerLevel(id, width, height, toTiles(layout(rng, width, height)));
            if (solver.solve(level).completable()) {
                return level;
            }
        }
        return new PlatformerLevel(id, width, height, toTiles(ground(width, height)));
    }

    /** A Platformer-v1 level {@value PlatformerLevel#HEIGHT} rows high; static convenience for one-off use. */
    public static PlatformerLevel of(long seed, int width) {
        return new PlatformerLevels().generate(seed, width);
    }

    /** A level for {@code rules}; static convenience for one-off use. */
    public static PlatformerLevel of(long seed, int width, int height, PlatformerRules rules) {
        return new PlatformerLevels(rules).generate(seed, width, height);
    }

    private static char[][] ground(int w, int h) {
        char[][] g = new char[h][w];
        for (char[] row : g) {
            Arrays.fill(row, '-');
        }
        Arrays.fill(g[h - 2], 'X');
        Arrays.fill(g[h - 1], 'X');
        return g;
    }

    private static char[][] layout(Pcg64 rng, int w, int h) {
        char[][] g = ground(w, h);
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
        int floor = g.length - 2; // the top row of the ground
        int n = Math.min(2 + rng.nextInt(3), room - 1);
        for (int i = 0; i < n; i++) {
            g[floor][x + i] = '-';
            g[floor + 1][x + i] = '-';
        }
        return n + 1;
    }

    private static int pipe(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        if (room < 3) {
            return 0;
        }
        int height = 2 + rng.nextInt(3);
        int top = floor - height;
        g[top][x] = '<';
        g[top][x + 1] = '>';
        for (int y = top + 1; y < floor; y++) {
            g[y][x] = '[';
            g[y][x + 1] = ']';
        }
        if (room > 6 && rng.nextInt(2) == 0) {
            g[floor - 1][x + 4] = 'E';
        }
        return 2;
    }

    private static int platform(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        int n = Math.min(3 + rng.nextInt(4), room);
        int row = floor - 4;
        for (int i = 0; i < n; i++) {
            g[row][x + i] = rng.nextInt(3) == 0 ? '?' : 'S';
            if (rng.nextInt(2) == 0) {
                g[row - 1][x + i] = 'o';
            }
        }
        return n;
    }

    private static int stairs(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        int steps = Math.min(2 + rng.nextInt(3), room / 2);
        boolean down = rng.nextInt(2) == 0;
        int cols = down ? 2 * steps : steps;
        for (int i = 0; i < cols; i++) {
            int h = i < steps ? i + 1 : 2 * steps - i;
            for (int y = floor - h; y < floor; y++) {
                g[y][x + i] = 'X';
            }
        }
        return cols;
    }

    private static int enemies(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        int n = Math.min(1 + rng.nextInt(2), room);
        for (int i = 0; i < n; i++) {
            g[floor - 1][x + 2 * i] = 'E';
        }
        return 2 * n;
    }

    private static int coins(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        int n = Math.min(3 + rng.nextInt(3), room);
        int row = floor - 2 - rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            g[row][x + i] = 'o';
        }
        return n;
    }

    private static int questions(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        int n = Math.min(1 + rng.nextInt(3), (room + 1) / 2);
        for (int i = 0; i < n; i++) {
            g[floor - 4][x + 2 * i] = '?';
        }
        return 2 * n - 1;
    }

    private static int cannon(Pcg64 rng, char[][] g, int x, int room) {
        int floor = g.length - 2; // the top row of the ground
        int height = 1 + rng.nextInt(2);
        g[floor - height][x] = 'B';
        for (int y = floor - height + 1; y < floor; y++) {
            g[y][x] = 'b';
        }
        return 1;
    }

    private static PlatformerTile[] toTiles(char[][] g) {
        int w = g[0].length;
        PlatformerTile[] tiles = new PlatformerTile[w * g.length];
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < w; x++) {
                tiles[y * w + x] = PlatformerTile.fromSymbol(g[y][x]);
            }
        }
        return tiles;
    }
}
