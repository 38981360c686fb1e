package dev.levelgym.envs.platformer.level;

/**
 * Platformer-v0's player motion on the tile grid (one fixed jump), shared by the game and the solvers through
 * {@link PlatformerRules#V0} so they cannot disagree; Platformer-v1's is {@link MomentumRules}. The enemies' walk
 * ({@link #enemyStep}) is the same in both versions. Movement
 * depends only on which cells are solid, which never changes during an episode (a bumped {@code ?} turns into an
 * equally solid {@code Q}; coins are not solid), so a step is a pure function of the level and the player's
 * (x, y, rise).
 *
 * <p>One tick, for action a (0 noop, 1 left, 2 right, 3 jump, 4 jump-left, 5 jump-right):
 * <ol>
 *   <li>Jump start: if a jumps and the player stands on a solid tile and is not rising, rise becomes
 *       {@value #JUMP_HEIGHT}.</li>
 *   <li>Horizontal: the player moves one column left or right unless the target cell is solid or outside the
 *       level.</li>
 *   <li>Vertical: while rise &gt; 0 the player moves up one row and rise decreases; if the cell above is solid
 *       (a bump) or above the top row, it does not move and rise drops to 0. Otherwise, unless standing on a
 *       solid tile, it falls one row; falling below the bottom row is death.</li>
 * </ol>
 * So a jump rises {@value #JUMP_HEIGHT} rows in {@value #JUMP_HEIGHT} ticks and falls back at one row per tick:
 * over flat ground it lands {@value #JUMP_REACH} columns further on. It clears a gap of {@value #JUMP_REACH}
 * columns (back at take-off height over the last pit column, it still moves right before it falls) and can land on
 * a ledge {@value #JUMP_HEIGHT} rows higher.
 *
 * <p>A step is packed into an int (see the accessors) so the solver's search allocates nothing.
 */
public final class PlatformerPhysics {

    /** Rows a jump rises (ticks of rising): as high as the tallest VGLC pipes need. */
    public static final int JUMP_HEIGHT = 4;

    /** Columns from take-off to landing over flat ground: {@value #JUMP_HEIGHT} up and as many down. */
    public static final int JUMP_REACH = 2 * JUMP_HEIGHT;

    /** Enemies move on every {@value}-th tick (the first tick included): half the player's speed, so stomps are timeable. */
    public static final int ENEMY_PERIOD = 2;
    /** Rows of rise a stomp gives the player, as the little hop off an enemy's head. */
    public static final int STOMP_BOUNCE = 2;

    public static final int NOOP = 0;
    public static final int LEFT = 1;
    public static final int RIGHT = 2;
    public static final int JUMP = 3;
    public static final int JUMP_LEFT = 4;
    public static final int JUMP_RIGHT = 5;
    public static final int ACTIONS = 6;

    private static final int[] DX = {0, -1, 1, 0, -1, 1};

    private static final int FLAG_BUMPED = 1;
    private static final int FLAG_FELL = 2;
    private static final int FLAG_JUMPED = 4;
    private static final int FLAG_DEAD = 8;
    /** In an enemy step, the bit saying the enemy now walks right (a player step uses it for bumps). */
    private static final int FLAG_RIGHT = FLAG_BUMPED;

    private PlatformerPhysics() {
    }

    /** Horizontal direction of an action: -1, 0 or 1. */
    public static int dx(int action) {
        return DX[action];
    }

    /** True for jump, jump-left and jump-right. */
    public static boolean jumps(int action) {
        return action >= JUMP;
    }

    /** True if the cell is inside the level and solid. */
    public static boolean solid(PlatformerLevel level, int x, int y) {
        return level.solid(x, y);
    }

    /** True if the player (or an enemy) at (x, y) stands on a solid tile. */
    public static boolean grounded(PlatformerLevel level, int x, int y) {
        return solid(level, x, y + 1);
    }

    /**
     * One tick of the player's motion from (x, y, rise) under {@code action}; read the result with
     * {@link #x}, {@link #y}, {@link #rise}, {@link #dead}, {@link #bumped}, {@link #fell}, {@link #jumped}.
     */
    public static int step(PlatformerLevel level, int x, int y, int rise, int action) {
        int flags = 0;
        if (jumps(action) && rise == 0 && grounded(level, x, y)) {
            rise = JUMP_HEIGHT;
            flags |= FLAG_JUMPED;
        }
        int nx = x + DX[action];
        if (nx >= 0 && nx < level.width() && !level.solid(nx, y)) {
            x = nx;
        }
        if (rise > 0) {
            if (y == 0 || level.solid(x, y - 1)) {
                rise = 0;
                if (y > 0) {
                    flags |= FLAG_BUMPED;
                }
            } else {
                y--;
                rise--;
            }
        } else if (!grounded(level, x, y)) {
            y++;
            flags |= FLAG_FELL;
            if (y == level.height()) {
                flags |= FLAG_DEAD; // fallen out of the level
            }
        }
        return pack(x, y, rise, flags);
    }

    /** True if enemies move on tick {@code tick} (1-based: ticks 1, 3, 5, ...). */
    public static boolean enemiesMoveOn(int tick) {
        return (tick - 1) % ENEMY_PERIOD == 0;
    }

    /**
     * One move of an enemy at (x, y) walking in {@code dir} (-1 or 1): with nothing under it, it falls one row;
     * otherwise it walks one column, or turns around instead when the next cell is solid, outside the level or
     * has no solid tile under it (a ledge). Enemies ignore each other. Read the result with {@link #x},
     * {@link #y} (the level's height: fallen out of the level) and {@link #enemyDirection}.
     */
    public static int enemyStep(PlatformerLevel level, int x, int y, int dir) {
        if (!grounded(level, x, y)) {
            return pack(x, y + 1, 0, dir > 0 ? FLAG_RIGHT : 0);
        }
        int nx = x + dir;
        if (nx < 0 || nx >= level.width() || level.solid(nx, y) || !grounded(level, nx, y)) {
            return pack(x, y, 0, dir > 0 ? 0 : FLAG_RIGHT);
        }
        return pack(nx, y, 0, dir > 0 ? FLAG_RIGHT : 0);
    }

    /** The direction after an {@link #enemyStep}: -1 or 1. */
    public static int enemyDirection(int step) {
        return (step & FLAG_RIGHT) != 0 ? 1 : -1;
    }

    /** Rows up to {@value PlatformerLevel#MAX_HEIGHT} (and one below) fit the 6 bits of y. */
    private static int pack(int x, int y, int rise, int flags) {
        return x << 13 | y << 7 | rise << 4 | flags;
    }

    public static int x(int step) {
        return step >>> 13;
    }

    /** The row; the level's height when the player fell out of the level. */
    public static int y(int step) {
        return step >>> 7 & 63;
    }

    public static int rise(int step) {
        return step >>> 4 & 7;
    }

    /** True if the player fell below the bottom row. */
    public static boolean dead(int step) {
        return (step & FLAG_DEAD) != 0;
    }

    /** True if the player hit a solid cell above it; that cell is (x, y − 1) of the result. */
    public static boolean bumped(int step) {
        return (step & FLAG_BUMPED) != 0;
    }

    /** True if the player moved down this tick (the only way to stomp an enemy). */
    public static boolean fell(int step) {
        return (step & FLAG_FELL) != 0;
    }

    /** True if a jump started this tick. */
    public static boolean jumped(int step) {
        return (step & FLAG_JUMPED) != 0;
    }
}
