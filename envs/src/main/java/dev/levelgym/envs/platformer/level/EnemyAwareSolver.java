package dev.levelgym.envs.platformer.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Completability with the enemies, as the game plays them: A* over (player state, tick, stomped enemies), stepping
 * the player with {@link PlatformerRules} and checking contacts against the enemies' walks. An enemy's
 * walk does not depend on the player (enemies ignore it and each other), so it is computed once per level; only
 * which enemies have been stomped is part of the state. A run it returns replays in the game tick for tick and wins.
 *
 * <p>Cost is ticks; the heuristic is {@link PlatformerRules#minTicksTo} the last column (v0: the columns still to go),
 * admissible. Under v0's rules the search is plain A*, as published, and a returned run is a shortest one. Under
 * v1's it is weighted A* (f = ticks + 1.25 × heuristic, as {@code 4 × ticks + 5 × heuristic}): plain A* there must
 * close every state that loses no more time than the optimum, and with 49 speed-and-jump states per cell and the
 * tick in the state that is millions (it runs out of states on 5 of the 15 VGLC Super Mario Bros levels); weighted,
 * it dives along the level, and a run it returns is at most 25% longer than the shortest (weighted A*'s bound).
 * Measured on those 15 levels: 1.6% longer in total than the layout's shortest runs, which no run with enemies can
 * beat. The weight changes the order of the search, not the states it may visit.
 *
 * <p>The search is bounded: runs longer than {@code maxTicks} are not considered, nor states beyond
 * {@value #MAX_STATES}; a level whose answer needs more is reported not completable
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
    /** v1's weighted A* orders by {@value #V1_TICK_WEIGHT} × ticks + {@value #V1_HEURISTIC_WEIGHT} × heuristic. */
    static final int V1_TICK_WEIGHT = 4;
    static final int V1_HEURISTIC_WEIGHT = 5;

    private static final int[] ORDER = {PlatformerRules.RIGHT, PlatformerRules.JUMP_RIGHT,
        PlatformerRules.NOOP, PlatformerRules.JUMP, PlatformerRules.LEFT, PlatformerRules.JUMP_LEFT};

    private record Key(long position, long stomped) {
    }

    private final PlatformerRules rules;
    private long[] splayer = new long[1024];
    private int[] stick = new int[1024];
    private long[] sstomped = new long[1024];
    private int[] sparent = new int[1024];
    private byte[] saction = new byte[1024];
    private int count;

    /** A solver for Platformer-v1's rules. */
    public EnemyAwareSolver() {
        this(PlatformerRules.V1);
    }

    public EnemyAwareSolver(PlatformerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** {@link #of(PlatformerLevel, PlatformerRules)} under Platformer-v1's rules. */
    public static PlatformerSolution of(PlatformerLevel level) {
        return of(level, PlatformerRules.V1);
    }

    /**
     * The level's answer with enemies, cheaply: {@link PlatformerSolver}'s answer if the layout alone cannot be
     * completed (enemies only make it harder), else this search over runs of up to twice the layout's shortest
     * run plus 100 ticks (waiting for enemies rarely takes longer, and the bound keeps hopeless searches short).
     */
    public static PlatformerSolution of(PlatformerLevel level, PlatformerRules rules) {
        PlatformerSolution layout = PlatformerSolver.of(level, rules);
        if (!layout.completable()) {
            return layout;
        }
        return new EnemyAwareSolver(rules).solve(level, Math.min(MAX_TICKS, 2 * layout.length() + 100));
    }

    public PlatformerRules rules() {
        return rules;
    }

    public PlatformerSolution solve(PlatformerLevel level, int maxTicks) {
        if (maxTicks < 0 || maxTicks > MAX_TICKS) {
            throw new IllegalArgumentException("maxTicks must be in [0, " + MAX_TICKS + "], got " + maxTicks);
        }
        int w = level.width();
        int h = level.height();
        int[][] walks = walks(level, maxTicks);
        int tickWeight = rules.version() == 0 ? 1 : V1_TICK_WEIGHT;
        int heuristicWeight = rules.version() == 0 ? 1 : V1_HEURISTIC_WEIGHT;
        count = 0;
        long first = rules.start(level);
        int start = add(first, 0, 0L, -1, 0);
        if (rules.lastColumn(first) == w - 1) {
            return path(level, start, true);
        }
        int furthest = start;
        Set<Key> seen = new HashSet<>();
        seen.add(new Key(position(first, 0, h), 0L));
        // Key: f = tick + columns to go, then later ticks first (deeper), then insertion order.
        PriorityQueue<Long> open = new PriorityQueue<>();
        open.add(order(start, 0, heuristicWeight * rules.minTicksTo(first, w - 1)));
        while (!open.isEmpty()) {
            int s = (int) (open.poll() & 0x7fffffffL);
            int tick = stick[s];
            if (tick >= maxTicks) {
                continue;
            }
            for (int action : ORDER) {
                long before = splayer[s];
                long step = rules.step(level, before, action);
                if (PlatformerRules.dead(step)) {
                    continue;
                }
                long player = PlatformerRules.withoutFlags(step);
                long stomped = sstomped[s];
                boolean killed = false;
                for (int i = 0; i < walks.length && !killed; i++) {
                    int e = walks[i][tick];
                    if (!alive(e, i, stomped, h)) {
                        continue;
                    }
                    switch (rules.contact(before, step, PlatformerPhysics.x(e), PlatformerPhysics.y(e))) {
                        case STOMP -> {
                            stomped |= i < 64 ? 1L << i : 0L;
                            player = rules.bounce(player);
                        }
                        case HIT -> killed = true;
                        case NONE -> { }
                    }
                }
                int next = tick + 1;
                int column = rules.lastColumn(player);
                if (!killed && column != w - 1 && rules.enemiesMoveOn(next)) {
                    for (int i = 0; i < walks.length && !killed; i++) {
                        int e = walks[i][next];
                        killed = alive(e, i, stomped, h)
                                && rules.occupies(player, PlatformerPhysics.x(e), PlatformerPhysics.y(e));
                    }
                }
                if (killed || !seen.add(new Key(position(player, next, h), stomped))) {
                    continue;
                }
                if (count >= MAX_STATES) {
                    return path(level, furthest, false);
                }
                int n = add(player, next, stomped, s, action);
                if (column > rules.lastColumn(splayer[furthest])) {
                    furthest = n;
                }
                if (column == w - 1) {
                    return path(level, n, true);
                }
                open.add(order(n, next, tickWeight * next + heuristicWeight * rules.minTicksTo(player, w - 1)));
            }
        }
        return path(level, furthest, false);
    }

    /**
     * Each enemy's packed {@link PlatformerPhysics#enemyStep} state after every tick 0..maxTicks (tick 0: its
     * start), as the game moves it; y = the level's height once it has fallen out.
     */
    private int[][] walks(PlatformerLevel level, int maxTicks) {
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
                if (y < level.height() && rules.enemiesMoveOn(t)) {
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

    /** The same layout as an enemy step's x and y, so {@link PlatformerPhysics#x}/{@code y} read it. */
    private static int packEnemy(int x, int y) {
        return x << 13 | y << 7;
    }

    private static boolean alive(int walk, int i, long stomped, int height) {
        return PlatformerPhysics.y(walk) < height && (i >= 64 || (stomped & 1L << i) == 0);
    }

    private long position(long player, int tick, int height) {
        return (((long) PlatformerRules.xs(player) * height + PlatformerRules.y(player)) * rules.motions()
                + PlatformerRules.motion(player)) * (MAX_TICKS + 1) + tick;
    }

    private static long order(int state, int tick, int f) {
        return (long) f << 42 | (long) (MAX_TICKS - tick) << 31 | state;
    }

    private int add(long player, int tick, long stomped, int parent, int action) {
        if (count == splayer.length) {
            int n = count * 2;
            splayer = Arrays.copyOf(splayer, n);
            stick = Arrays.copyOf(stick, n);
            sstomped = Arrays.copyOf(sstomped, n);
            sparent = Arrays.copyOf(sparent, n);
            saction = Arrays.copyOf(saction, n);
        }
        splayer[count] = player;
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
            if (PlatformerRules.jumped(rules.step(level, splayer[sparent[s]], saction[s]))) {
                jumps++;
            }
        }
        int furthestX = rules.lastColumn(splayer[end]);
        double completion = completable ? 1.0 : (double) furthestX / (level.width() - 1);
        return new PlatformerSolution(completable, furthestX, completion, actions, jumps);
    }
}
