package dev.levelgym.envs.platformer.level;

/**
 * The player's motion and contacts in one version of the Platformer env: {@link #V0}, one fixed jump
 * ({@link FixedJumpRules}, Platformer-v0), and {@link #V1}, Super Mario Bros-like momentum and variable jumps
 * ({@link MomentumRules}, Platformer-v1). The game, both solvers and the demo step the player only through these, so
 * a run a solver finds replays in the game tick for tick. What stays the same across versions is outside: tiles,
 * coins, question blocks, the enemies' walk ({@link PlatformerPhysics#enemyStep}), rewards.
 *
 * <p>A player state is a {@code long}: horizontal position in sub-columns ({@link #subcolumns()} per column, so a
 * player may straddle two columns), row, a version-specific motion value in {@code [0, motions())} (what a jump
 * and the speed carry from tick to tick), and the flags of the step that produced it. Read it with the static
 * accessors; the solvers index their search by (position, row, motion).
 *
 * <p>The actions of both versions are {@code Discrete(6)} with the same ids: 0 noop, 1 left, 2 right, 3 jump,
 * 4 jump-left, 5 jump-right.
 */
public sealed interface PlatformerRules permits FixedJumpRules, MomentumRules {

    /** Platformer-v0's rules: {@link FixedJumpRules}. */
    PlatformerRules V0 = FixedJumpRules.INSTANCE;
    /** Platformer-v1's rules: {@link MomentumRules}. */
    PlatformerRules V1 = MomentumRules.INSTANCE;

    int NOOP = PlatformerPhysics.NOOP;
    int LEFT = PlatformerPhysics.LEFT;
    int RIGHT = PlatformerPhysics.RIGHT;
    int JUMP = PlatformerPhysics.JUMP;
    int JUMP_LEFT = PlatformerPhysics.JUMP_LEFT;
    int JUMP_RIGHT = PlatformerPhysics.JUMP_RIGHT;
    int ACTIONS = PlatformerPhysics.ACTIONS;

    /** What touching an enemy did. */
    enum Contact {
        NONE,
        /** Landed on it from above: it dies, the player bounces. */
        STOMP,
        /** Any other touch: the player dies. */
        HIT
    }

    /** The version number: 0 or 1 ({@code Platformer-v0}, {@code Platformer-v1}). */
    int version();

    /** Sub-columns per column of {@link #xs}: 1 in v0, 3 in v1. */
    int subcolumns();

    /** The motion values are {@code [0, motions())}. */
    int motions();

    /** Enemies move on every {@code enemyPeriod()}-th tick, the first tick included. */
    int enemyPeriod();

    /** The player's state at the start of {@code level}: its start cell, at rest. */
    long start(PlatformerLevel level);

    /**
     * One tick of the player's motion under {@code action}; read the result with the static accessors. Enemies play
     * no part (see {@link #contact}).
     */
    long step(PlatformerLevel level, long state, int action);

    /** The state after stomping an enemy: the little hop off its head. */
    long bounce(long state);

    /**
     * What the player did to an enemy standing at (ex, ey) by moving from {@code before} to {@code after} (a step's
     * result).
     */
    Contact contact(long before, long after, int ex, int ey);

    /** Rows of rise the player still has while it holds jump; 0 when standing or falling. */
    int rise(long state);

    /**
     * A lower bound on the ticks before the player can occupy {@code column} (at or right of it), whatever the
     * level: the solvers' heuristic. Consistent: one tick lowers it by at most one.
     */
    int minTicksTo(long state, int column);

    /** True if enemies move on tick {@code tick} (1-based). */
    default boolean enemiesMoveOn(int tick) {
        return (tick - 1) % enemyPeriod() == 0;
    }

    /** The leftmost column the player occupies. */
    default int column(long state) {
        return xs(state) / subcolumns();
    }

    /** The rightmost column the player occupies: {@link #column} or the one after it when straddling. */
    default int lastColumn(long state) {
        return (xs(state) + subcolumns() - 1) / subcolumns();
    }

    /** True if the player occupies cell (x, y). */
    default boolean occupies(long state, int x, int y) {
        return y == y(state) && x >= column(state) && x <= lastColumn(state);
    }

    /** A state from its parts. */
    static long pack(int xs, int y, int motion, int flags) {
        return (long) xs << 24 | (long) y << 16 | (long) motion << 8 | flags;
    }

    /** The horizontal position in sub-columns: column {@code xs / subcolumns()} plus a fraction. */
    static int xs(long state) {
        return (int) (state >>> 24);
    }

    /** The row; the level's height when the player fell out of it. */
    static int y(long state) {
        return (int) (state >>> 16) & 0xff;
    }

    static int motion(long state) {
        return (int) (state >>> 8) & 0xff;
    }

    /** The state without the flags of the step that made it: what carries to the next tick. */
    static long withoutFlags(long state) {
        return state & ~0xffL;
    }

    /** True if the player hit a solid cell above it; those cells are in row {@code y − 1} over its columns. */
    static boolean bumped(long state) {
        return (state & FLAG_BUMPED) != 0;
    }

    /** True if the player moved down this tick (the only way to stomp an enemy). */
    static boolean fell(long state) {
        return (state & FLAG_FELL) != 0;
    }

    /** True if a jump started this tick. */
    static boolean jumped(long state) {
        return (state & FLAG_JUMPED) != 0;
    }

    /** True if the player fell below the bottom row. */
    static boolean dead(long state) {
        return (state & FLAG_DEAD) != 0;
    }

    int FLAG_BUMPED = 1;
    int FLAG_FELL = 2;
    int FLAG_JUMPED = 4;
    int FLAG_DEAD = 8;
}
