package dev.levelgym.envs.platformer.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Completability and furthest reach by search over the player's physics state (position, row and the rules' motion
 * value: rise in v0; speed and jump phase in v1), stepping with {@link PlatformerRules} exactly as the game does;
 * each action is one tick, so the winning run found is a shortest one in ticks. Under v1's rules the search is A*
 * with {@link PlatformerRules#minTicksTo} the last column as heuristic (admissible and consistent), which keeps it
 * to a band around the fastest runs; under v0's it is the published breadth-first search (A* with a zero heuristic,
 * in the same order), so v0's runs stay exactly as they were.
 *
 * <p><b>Enemies are abstracted away</b>: the search treats {@code E} cells as empty. Their positions depend on
 * time and on which have been stomped, which would multiply the state space by the episode length and by the
 * subsets of enemies; since an enemy walks slower than the player and can be stomped or jumped over, the answer is
 * taken to be the layout's, as Dungeon-v0's solver does with its enemies. A level whose only way on is blocked by
 * enemies (say, in a one-tile-high tunnel) can thus be reported completable although no run survives them: use
 * {@link EnemyAwareSolver} for that. Coins and question blocks do not change movement.
 *
 * <p>The state space is sub-columns × rows × motions (v0: width × 14 × 5; v1: 3 × width × 14 × 49), each with six
 * moves; the search stops at the first winning state, so it visits a fraction of it. Instances are not
 * thread-safe; they keep their search arrays between calls so solving many levels does not allocate.
 */
public final class PlatformerSolver {

    /** Right first, so among equally short runs the search prefers pressing on. */
    private static final int[] ORDER = {PlatformerRules.RIGHT, PlatformerRules.JUMP_RIGHT, PlatformerRules.NOOP,
        PlatformerRules.JUMP, PlatformerRules.LEFT, PlatformerRules.JUMP_LEFT};
    private static final int UNSEEN = -2;

    /**
     * Open states by f = ticks + heuristic. One step raises f by 0 to 5 (the heuristic falls by at
     * most the tick it costs and rises by at most four: a third of a column back and the whole run-up lost), so open
     * f values span at most six: eight rotating buckets hold them.
     */
    private static final int BUCKETS = 8;

    private final PlatformerRules rules;
    private int[] parent = new int[0];
    private byte[] move = new byte[0];
    private final int[][] bucket = new int[BUCKETS][16];
    private final int[] head = new int[BUCKETS];
    private final int[] tail = new int[BUCKETS];

    /** A solver for Platformer-v1's rules. */
    public PlatformerSolver() {
        this(PlatformerRules.V1);
    }

    public PlatformerSolver(PlatformerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Solves under Platformer-v1's rules with a fresh solver; for many levels, reuse one instance. */
    public static PlatformerSolution of(PlatformerLevel level) {
        return of(level, PlatformerRules.V1);
    }

    /** Solves under {@code rules} with a fresh solver. */
    public static PlatformerSolution of(PlatformerLevel level, PlatformerRules rules) {
        return new PlatformerSolver(rules).solve(level);
    }

    public PlatformerRules rules() {
        return rules;
    }

    public PlatformerSolution solve(PlatformerLevel level) {
        int w = level.width();
        int h = level.height();
        int motions = rules.motions();
        int positions = (w - 1) * rules.subcolumns() + 1;
        int states = positions * h * motions;
        if (parent.length < states) {
            parent = new int[states];
            move = new byte[states];
        }
        Arrays.fill(parent, 0, states, UNSEEN);
        Arrays.fill(head, 0);
        Arrays.fill(tail, 0);
        boolean informed = rules.version() > 0;
        long first = rules.start(level);
        int start = index(first, h, motions);
        parent[start] = -1;
        if (rules.lastColumn(first) == w - 1) {
            return path(level, start, true);
        }
        int f = informed ? rules.minTicksTo(first, w - 1) : 0;
        push(f, start);
        int open = 1;
        int furthest = start;
        int furthestColumn = rules.lastColumn(first);
        while (open > 0) {
            while (head[f % BUCKETS] == tail[f % BUCKETS]) { // open > 0: a later bucket holds a state
                f++;
            }
            int b = f % BUCKETS;
            // v1 takes the newest of the bucket: among states of equal f the deepest, so a completable level's
            // search dives along the fastest runs; v0 the oldest, breadth-first as published.
            int s = informed ? bucket[b][--tail[b]] : bucket[b][head[b]++];
            open--;
            if (head[b] == tail[b]) {
                head[b] = 0;
                tail[b] = 0;
            }
            long state = state(s, h, motions);
            int g = f - (informed ? rules.minTicksTo(state, w - 1) : 0);
            for (int action : ORDER) {
                long step = rules.step(level, state, action);
                if (PlatformerRules.dead(step)) {
                    continue;
                }
                int next = index(step, h, motions);
                if (parent[next] != UNSEEN) {
                    continue;
                }
                parent[next] = s;
                move[next] = (byte) action;
                int column = rules.lastColumn(step);
                if (column > furthestColumn) {
                    furthest = next;
                    furthestColumn = column;
                }
                if (column == w - 1) {
                    return path(level, next, true);
                }
                push(g + 1 + (informed ? rules.minTicksTo(step, w - 1) : 0), next);
                open++;
            }
        }
        return path(level, furthest, false);
    }

    private void push(int f, int state) {
        int b = f % BUCKETS;
        if (tail[b] == bucket[b].length) {
            bucket[b] = Arrays.copyOf(bucket[b], 2 * tail[b]);
        }
        bucket[b][tail[b]++] = state;
    }

    private static int index(long state, int h, int motions) {
        return (PlatformerRules.xs(state) * h + PlatformerRules.y(state)) * motions + PlatformerRules.motion(state);
    }

    private static long state(int index, int h, int motions) {
        int cell = index / motions;
        return PlatformerRules.pack(cell / h, cell % h, index % motions, 0);
    }

    private PlatformerSolution path(PlatformerLevel level, int end, boolean completable) {
        List<Integer> actions = new ArrayList<>();
        for (int s = end; parent[s] != -1; s = parent[s]) {
            actions.add((int) move[s]);
        }
        Collections.reverse(actions);
        int jumps = 0;
        long state = rules.start(level);
        for (int a : actions) {
            state = rules.step(level, state, a);
            if (PlatformerRules.jumped(state)) {
                jumps++;
            }
            state = PlatformerRules.withoutFlags(state);
        }
        int furthestX = rules.lastColumn(state);
        double completion = completable ? 1.0 : (double) furthestX / (level.width() - 1);
        return new PlatformerSolution(completable, furthestX, completion, actions, jumps);
    }
}
