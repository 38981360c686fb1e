package dev.levelgym.envs.platformer.level;

/**
 * Platformer-v1's rules: Super Mario Bros' movement on the tile grid, discrete and deterministic. A tick is about
 * 6.4 NES frames, the time Mario takes to cross one tile at full running speed, and every figure below is the game's
 * rounded to that grid (derivations and sources in {@code platformer.md}):
 *
 * <ul>
 *   <li><b>Position</b> in thirds of a column ({@value #SUBCOLUMNS} sub-columns); the player is one column wide, so
 *       off the grid it straddles two columns: it stands if either has ground under it, is blocked if either is
 *       solid, and takes coins from both.</li>
 *   <li><b>Speed</b> -3 to 3 thirds per tick. Holding a direction on the ground adds one per tick up to
 *       {@value #RUN_SPEED} (a column per tick, Mario's 2.5 px/frame run), so the run-up from a standstill is three
 *       ticks and two columns, and speed 2 (2/3 of a column per tick) is the game's 1.5 px/frame walk; in the air
 *       a direction accelerates only up to {@value #AIR_SPEED} (the game's air acceleration reaches walking speed
 *       only after about 40 frames) and keeps a faster take-off speed. The take-off tick of a jump counts as
 *       airborne, so the run-up must be over before the jump. Letting go slows one step per tick on the ground and
 *       not at all in the air; the opposite direction skids {@value #SKID} steps per tick on the ground and turns
 *       one step per tick in the air. Running into a wall stops the player.</li>
 *   <li><b>Jump</b> from the ground: the first tick rises one row, or {@value #RUN_TAKEOFF} at full speed (the game's
 *       5 px/frame take-off above walking speed against 4), then one row per tick for up to {@value #HOLD_RISE} more
 *       ticks while jump is held: a full jump is 4 rows, 5 from a run; letting go ends the rise (a one-row hop at
 *       least). Then a still tick at the top, then the fall: 1, 1, then 2 rows per tick (walking off a ledge starts
 *       with the still tick too). Over flat ground a full jump lands 2 2/3 columns on from a standstill, 5 1/3 from a
 *       walk and 9 from a run.</li>
 *   <li><b>Enemies</b> walk a column every {@value #ENEMY_PERIOD} ticks (goombas' 0.5 px/frame); a stomp gives
 *       {@value #STOMP_BOUNCE} rows of rise while jump is held.</li>
 * </ul>
 *
 * <p>The order in a tick is v0's: speed, then the horizontal move on the old row, then the vertical one. A jump may
 * start again on the tick after landing while jump is held (the NES wants a fresh press; one state bit more for the
 * solvers, and not needed by any level).
 *
 * <p>The motion value packs speed and the vertical phase: {@code (speed + 3) * 7 + phase}, with phase 0 to 3 the
 * fall stage (0: standing, or the still tick at the top) and 4 to 6 a rise with 1 to 3 rows still to come.
 */
public final class MomentumRules implements PlatformerRules {

    /** Sub-columns per column. */
    public static final int SUBCOLUMNS = 3;
    /** Full speed, in sub-columns per tick: a column per tick. */
    public static final int RUN_SPEED = 3;
    /** The fastest a direction accelerates an airborne player: a third of a column per tick. */
    public static final int AIR_SPEED = 1;
    /** Speed steps lost per tick by pressing against the motion on the ground. */
    public static final int SKID = 2;
    /** Rows the take-off tick of a jump at {@link #RUN_SPEED} rises; 1 otherwise. */
    public static final int RUN_TAKEOFF = 2;
    /** Rows a held jump rises after its take-off tick, one per tick. */
    public static final int HOLD_RISE = 3;
    /** Highest jump from a standstill or a walk: take-off row plus the held rise. */
    public static final int JUMP_HEIGHT = 1 + HOLD_RISE;
    /** Highest jump at full speed. */
    public static final int RUN_JUMP_HEIGHT = RUN_TAKEOFF + HOLD_RISE;
    /** Rows of rise a stomp gives while jump is held. */
    public static final int STOMP_BOUNCE = 2;
    /** Ticks between enemy moves. */
    public static final int ENEMY_PERIOD = 5;

    /** Rows fallen per tick by fall stage; the last stage repeats. */
    private static final int[] FALL = {0, 1, 1, 2};
    private static final int STAGES = FALL.length;
    private static final int PHASES = STAGES + HOLD_RISE;
    private static final int SPEEDS = 2 * RUN_SPEED + 1;
    private static final int[] DX = {0, -1, 1, 0, -1, 1};

    static final MomentumRules INSTANCE = new MomentumRules();

    private MomentumRules() {
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public int subcolumns() {
        return SUBCOLUMNS;
    }

    @Override
    public int motions() {
        return SPEEDS * PHASES;
    }

    @Override
    public int enemyPeriod() {
        return ENEMY_PERIOD;
    }

    @Override
    public long start(PlatformerLevel level) {
        return PlatformerRules.pack(level.startX() * SUBCOLUMNS, level.startY(), motion(0, 0), 0);
    }

    /** Speed in sub-columns per tick, negative to the left. */
    public static int speed(long state) {
        return PlatformerRules.motion(state) / PHASES - RUN_SPEED;
    }

    /** The fall stage, 0 to 3 (0 while standing, rising or in the still tick at the top of a jump). */
    public static int fallStage(long state) {
        int phase = PlatformerRules.motion(state) % PHASES;
        return phase < STAGES ? phase : 0;
    }

    @Override
    public int rise(long state) {
        int phase = PlatformerRules.motion(state) % PHASES;
        return phase < STAGES ? 0 : phase - STAGES + 1;
    }

    /**
     * The ticks a player needs at best: speed grows by at most one step a tick up to {@link #RUN_SPEED} (a player
     * moving left is counted as standing, which only lowers the bound), and the column is reached when the player
     * covers part of it.
     */
    @Override
    public int minTicksTo(long state, int column) {
        int left = (column - 1) * SUBCOLUMNS + 1 - PlatformerRules.xs(state);
        int speed = Math.max(speed(state), 0);
        int ticks = 0;
        while (left > 0 && speed < RUN_SPEED) {
            speed++;
            left -= speed;
            ticks++;
        }
        return left <= 0 ? ticks : ticks + (left + RUN_SPEED - 1) / RUN_SPEED;
    }

    private static int motion(int speed, int phase) {
        return (speed + RUN_SPEED) * PHASES + phase;
    }

    @Override
    public long step(PlatformerLevel level, long state, int action) {
        int xs = PlatformerRules.xs(state);
        int y = PlatformerRules.y(state);
        int m = PlatformerRules.motion(state);
        int speed = m / PHASES - RUN_SPEED;
        int phase = m % PHASES;
        int dir = DX[action];
        boolean jump = action >= JUMP;
        boolean grounded = phase < STAGES && supported(level, xs, y);
        int flags = 0;

        int pace = Math.abs(speed);
        int sign = Integer.signum(speed);
        boolean takeoff = grounded && jump;
        if (grounded && !takeoff) {
            if (dir == 0) {
                speed = sign * Math.max(pace - 1, 0);
            } else if (sign == -dir) {
                speed = sign * Math.max(pace - SKID, 0);
            } else {
                speed = dir * Math.min(pace + 1, RUN_SPEED);
            }
        } else if (dir != 0) {
            speed = sign == -dir ? speed + dir : dir * Math.max(pace, Math.min(pace + 1, AIR_SPEED));
        }

        int step = Integer.signum(speed);
        for (int i = Math.abs(speed); i > 0; i--) {
            if (blocked(level, xs + step, y)) {
                speed = 0;
                break;
            }
            xs += step;
        }

        int up = 0;
        int after = 0;
        if (takeoff) {
            flags |= FLAG_JUMPED;
            up = pace == RUN_SPEED ? RUN_TAKEOFF : 1;
            after = STAGES + HOLD_RISE - 1;
        } else if (phase >= STAGES && jump) {
            up = 1;
            after = phase - 1 >= STAGES ? phase - 1 : 0; // the last row of rise: the still tick comes next
        } else if (phase >= STAGES) {
            phase = 0; // let go: this tick is the still one
        }
        if (up > 0) {
            for (int i = 0; i < up; i++) {
                if (y == 0 || solidAbove(level, xs, y)) {
                    if (y > 0) {
                        flags |= FLAG_BUMPED;
                    }
                    after = 1; // a bump ends the rise without the still tick
                    break;
                }
                y--;
            }
            phase = after;
        } else if (supported(level, xs, y)) {
            phase = 0;
        } else {
            int stage = phase;
            for (int i = FALL[stage]; i > 0; i--) {
                y++;
                flags |= FLAG_FELL;
                if (y == level.height()) {
                    return PlatformerRules.pack(xs, y, motion(speed, 0), flags | FLAG_DEAD);
                }
                if (supported(level, xs, y)) {
                    break;
                }
            }
            phase = supported(level, xs, y) ? 0 : Math.min(stage + 1, STAGES - 1);
        }
        return PlatformerRules.pack(xs, y, motion(speed, phase), flags);
    }

    /** True if a player at sub-column xs, row y has a solid cell under one of its columns. */
    private static boolean supported(PlatformerLevel level, int xs, int y) {
        int c = xs / SUBCOLUMNS;
        return level.solid(c, y + 1) || xs % SUBCOLUMNS != 0 && level.solid(c + 1, y + 1);
    }

    private static boolean solidAbove(PlatformerLevel level, int xs, int y) {
        int c = xs / SUBCOLUMNS;
        return level.solid(c, y - 1) || xs % SUBCOLUMNS != 0 && level.solid(c + 1, y - 1);
    }

    /** True if a player cannot be at sub-column xs, row y: outside the level's columns, or in a solid cell. */
    private static boolean blocked(PlatformerLevel level, int xs, int y) {
        if (xs < 0 || xs > (level.width() - 1) * SUBCOLUMNS) {
            return true;
        }
        int c = xs / SUBCOLUMNS;
        return level.solid(c, y) || xs % SUBCOLUMNS != 0 && level.solid(c + 1, y);
    }

    @Override
    public long bounce(long state) {
        return PlatformerRules.pack(PlatformerRules.xs(state), PlatformerRules.y(state),
                motion(speed(state), STAGES + STOMP_BOUNCE - 1), 0);
    }

    /**
     * The cells the player passed this tick: its columns at the end of the tick, on every row from where it started
     * to where it ended. An enemy on the final row, or on a row it fell past, is stomped if the player fell; any
     * other touch (walking or rising into it) is a hit.
     */
    @Override
    public Contact contact(long before, long after, int ex, int ey) {
        if (ex < column(after) || ex > lastColumn(after)) {
            return Contact.NONE;
        }
        int from = PlatformerRules.y(before);
        int to = PlatformerRules.y(after);
        if (ey < Math.min(from, to) || ey > Math.max(from, to)) {
            return Contact.NONE;
        }
        return PlatformerRules.fell(after) && ey > from ? Contact.STOMP : Contact.HIT;
    }

    @Override
    public String toString() {
        return "Platformer-v1 rules (momentum)";
    }
}
