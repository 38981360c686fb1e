package dev.levelgym.envs.platformer.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Completability with the enemies, as the game plays them: A* over (column, row, rise, tick, stomped enemies),
 * stepping the player with {@link PlatformerPhysics} and checking contacts against the enemies' walks. An enemy's
 * walk does not depend on the player (enemies ignore it and each other), so it is computed once per level; only
 * which enemies have been stomped is part of the state. A run it returns replays in the game tick for tick and wins.
 *
 * <p>Cost is ticks; the heuristic, columns still to go, is admissible (the player moves at most one column per
 * tick), so a returned run is a shortest one. The search is bounded: runs longer than {@code maxTicks} are not
 * considered, nor states beyond {@value #MAX_STATES}; a level whose answer needs more is reported not completable
 * (with the furthest column seen), so use {@link PlatformerSolver} for the layout's answer and this one to confirm
 * it survives the enemies. Enemies beyond the first 64 of a level cannot be recorded as stomped: the search lets
 * the player stomp one but keeps it walking, so for such crowded levels the answer is approximate.
 *
 * <p>Not thread-safe; instances are cheap.
 */
public final class EnemyAwareSolver {

    /** Bound on generated states (about 100 bytes each). */
    public static final int MAX_STATES = 1_000_000;
    /** Longest run considered, in ticks; the packing of the search keys allows up to this. */
    public static final int MAX_TICKS = 2047;

    private static final int[] ORDER = {PlatformerPhysics.RIGHT, PlatformerPhysics.JUMP_RIGHT,
        PlatformerPhysics.NOOP, PlatformerPhysics.JUMP, PlatformerPhysics.LEFT, PlatformerPhysics.JUMP_LEFT};

    private record Key(long position, long stomped) {
    }

    private int[] sx = new int[1024];
    private int[] sy = new int[1024];
    private int[] srise = new int[1024];
    private int[] stick = new int[1024];
    private long[] sstomped = new long[1024];
    private int[] sparent = new int[1024];
    private byte[] saction = new byte[1024];
    private int count;

    /** Solves with a fresh solver. */
    public static PlatformerSolution of(PlatformerLevel level, int maxTicks) {
        return new EnemyAwareSolver().solve(level, maxTicks);
    }

    /**
     * The level's answer with enemies, cheaply: {@link PlatformerSolver}'s answer if the layout alone cannot be
     * completed (enemies only make it harder), else this search over runs of up to twice the layout's shortest
     * run plus 100 ticks (waiting for enemies rarely takes longer, and the bound keeps hopeless searches short).
     */
    public static PlatformerSolution of(PlatformerLevel level) {
        PlatformerSolution layout = PlatformerSolver.of(level);
        if (!layout.completable()) {
            return layout;
        }
        return new EnemyAwareSolver().solve(level, Math.min(MAX_TICKS, 2 * layout.length() + 100));
    }

    public PlatformerSolution solve(PlatformerLevel level, int maxTicks) {
        if (maxTicks < 0 || maxTicks > MAX_TICKS) {
            throw new IllegalArgumentException("maxTicks must be in [0, " + MAX_TICKS + "], got " + maxTicks);
        }
        int w = level.width();
        int[][] walks = walks(level, maxTicks);
        count = 0;
        int start = add(level.startX(), level.startY(), 0, 0, 0L, -1, 0);
        if (level.startX() == w - 1) {
            return path(level, start, true);
        }
        int furthest = start;
        Set<Key> seen = new HashSet<>();
        seen.add(new Key(position(level.startX(), level.startY(), 0, 0), 0L));
        // Key: f = tick + columns to go, then later ticks first (deeper), then insertion order.
        PriorityQueue<Long> open = new PriorityQueue<>();
        open.add(order(start, 0, w - 1 - level.startX()));
        while (!open.isEmpty()) {
            int s = (int) (open.poll() & 0x7fffffffL);
            int tick = stick[s];
            if (tick >= maxTicks) {
                continue;
            }
            for (int action : ORDER) {
                int step = PlatformerPhysics.step(level, sx[s], sy[s], srise[s], action);
                if (PlatformerPhysics.dead(step)) {
                    continue;
                }
                int x = PlatformerPhysics.x(step);
                int y = PlatformerPhysics.y(step);
                int rise = PlatformerPhysics.rise(step);
                long stomped = sstomped[s];
                boolean killed = false;
                for (int i = 0; i < walks.length && !killed; i++) {
                    if (alive(walks[i][tick], i, stomped) && PlatformerPhysics.x(walks[i][tick]) == x
                            && PlatformerPhysics.y(walks[i][tick]) == y) {
                        if (PlatformerPhysics.fell(step)) {
                            stomped |= i < 64 ? 1L << i : 0L;
                            rise = PlatformerPhysics.STOMP_BOUNCE;
                        } else {
                            killed = true;
                        }
                    }
                }
                int next = tick + 1;
                if (!killed && x != w - 1 && PlatformerPhysics.enemiesMoveOn(next)) {
                    for (int i = 0; i < walks.length && !killed; i++) {
                        killed = alive(walks[i][next], i, stomped) && PlatformerPhysics.x(walks[i][next]) == x
                                && PlatformerPhysics.y(walks[i][next]) == y;
                    }
                }
                if (killed || !seen.add(new Key(position(x, y, rise, next), stomped))) {
                    continue;
                }
                if (count >= MAX_STATES) {
                    return path(level, furthest, false);
                }
                int n = add(x, y, rise, next, stomped, s, action);
                if (x > sx[furthest]) {
                    furthest = n;
                }
                if (x == w - 1) {
                    return path(level, n, true);
                }
                open.add(order(n, next, next + w - 1 - x));
            }
        }
        return path(level, furthest, false);
    }

    /**
     * Each enemy's packed {@link PlatformerPhysics#enemyStep} state after every tick 0..maxTicks (tick 0: its
     * start), as the game moves it; y = 14 once it has fallen out.
     */
    private static int[][] walks(PlatformerLevel level, int maxTicks) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < level.cellCount(); c++) {
            if (level.tile(c) != PlatformerTile.ENEMY) {
                continue;
            }
            int[] walk = new int[maxTicks + 1];
            int x = c % level.width();
            int y = c / level.width();
            int dir = -1;
            walk[0] = packEnemy(x, y);
            for (int t = 1; t <= maxTicks; t++) {
                if (y < PlatformerLevel.HEIGHT && PlatformerPhysics.enemiesMoveOn(t)) {
                    int step = PlatformerPhysics.enemyStep(level, x, y, dir);
                    x = PlatformerPhysics.x(step);
                    y = PlatformerPhysics.y(step);
                    dir = PlatformerPhysics.enemyDirection(step);
                }
                walk[t] = packEnemy(x, y);
            }
            out.add(walk);
        }
        return out.toArray(new int[0][]);
    }

    /** The same layout as a physics step's x and y, so {@link PlatformerPhysics#x}/{@code y} read it. */
    private static int packEnemy(int x, int y) {
        return x << 10 | y << 6;
    }

    private static boolean alive(int walk, int i, long stomped) {
        return PlatformerPhysics.y(walk) < PlatformerLevel.HEIGHT && (i >= 64 || (stomped & 1L << i) == 0);
    }

    private static long position(int x, int y, int rise, int tick) {
        return (((long) x * PlatformerLevel.HEIGHT + y) * (PlatformerPhysics.JUMP_HEIGHT + 1) + rise)
                * (MAX_TICKS + 1) + tick;
    }

    private static long order(int state, int tick, int f) {
        return (long) f << 42 | (long) (MAX_TICKS - tick) << 31 | state;
    }

    private int add(int x, int y, int rise, int tick, long stomped, int parent, int action) {
        if (count == sx.length) {
            int n = count * 2;
            sx = Arrays.copyOf(sx, n);
            sy = Arrays.copyOf(sy, n);
            srise = Arrays.copyOf(srise, n);
            stick = Arrays.copyOf(stick, n);
            sstomped = Arrays.copyOf(sstomped, n);
            sparent = Arrays.copyOf(sparent, n);
            saction = Arrays.copyOf(saction, n);
        }
        sx[count] = x;
        sy[count] = y;
        srise[count] = rise;
        stick[count] = tick;
        sstomped[count] = stomped;
        sparent[count] = parent;
        saction[count] = (byte) action;
        return count++;
    }

    private PlatformerSolution path(PlatformerLevel level, int end, boolean completable) {
        List<Integer> actions = new ArrayList<>();
        for (int s = end; sparent[s] != -1; s = sparent[s]) {
            actions.add((int) saction[s]);
        }
        Collections.reverse(actions);
        int jumps = 0;
        for (int s = end; sparent[s] != -1; s = sparent[s]) {
            int p = sparent[s];
            if (PlatformerPhysics.jumped(PlatformerPhysics.step(level, sx[p], sy[p], srise[p], saction[s]))) {
                jumps++;
            }
        }
        int furthestX = sx[end];
        double completion = completable ? 1.0 : (double) furthestX / (level.width() - 1);
        return new PlatformerSolution(completable, furthestX, completion, actions, jumps);
    }
}
