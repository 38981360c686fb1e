package dev.levelgym.envs.platformer.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Completability and furthest reach by breadth-first search over the player's physics state (column, row, rise),
 * stepping with {@link PlatformerPhysics} exactly as the game does; each action is one tick, so the winning run
 * found is a shortest one in ticks.
 *
 * <p><b>Enemies are abstracted away</b>: the search treats {@code E} cells as empty. Their positions depend on
 * time and on which have been stomped, which would multiply the state space by the episode length and by the
 * subsets of enemies; since an enemy walks at half the player's speed and can be stomped or jumped over, the
 * answer is taken to be the layout's, as Dungeon-v0's solver does with its enemies. A level whose only way on
 * is blocked by enemies (say, in a one-tile-high tunnel) can thus be reported completable although no run
 * survives them. Coins and question blocks do not change movement.
 *
 * <p>The state space is width × 14 × ({@value PlatformerPhysics#JUMP_HEIGHT} + 1), each with six moves: a few
 * tens of thousands of steps for a 200-column level. Instances are not thread-safe; they keep their search arrays
 * between calls so solving many levels does not allocate.
 */
public final class PlatformerSolver {

    private static final int RISES = PlatformerPhysics.JUMP_HEIGHT + 1;
    /** Right first, so among equally short runs the search prefers pressing on. */
    private static final int[] ORDER = {PlatformerPhysics.RIGHT, PlatformerPhysics.JUMP_RIGHT,
        PlatformerPhysics.NOOP, PlatformerPhysics.JUMP, PlatformerPhysics.LEFT, PlatformerPhysics.JUMP_LEFT};

    private int[] parent = new int[0];
    private byte[] move = new byte[0];
    private int[] queue = new int[0];

    /** Solves with a fresh solver; for many levels, reuse one instance's {@link #solve(PlatformerLevel)}. */
    public static PlatformerSolution of(PlatformerLevel level) {
        return new PlatformerSolver().solve(level);
    }

    public PlatformerSolution solve(PlatformerLevel level) {
        int w = level.width();
        int states = w * PlatformerLevel.HEIGHT * RISES;
        if (parent.length < states) {
            parent = new int[states];
            move = new byte[states];
            queue = new int[states];
        }
        Arrays.fill(parent, 0, states, -2);
        int start = index(level.startX(), level.startY(), 0);
        parent[start] = -1;
        if (level.startX() == w - 1) {
            return path(level, start, true);
        }
        queue[0] = start;
        int head = 0;
        int tail = 1;
        int furthest = start;
        while (head < tail) {
            int s = queue[head++];
            int rise = s % RISES;
            int cell = s / RISES;
            int x = cell / PlatformerLevel.HEIGHT;
            int y = cell % PlatformerLevel.HEIGHT;
            for (int action : ORDER) {
                int step = PlatformerPhysics.step(level, x, y, rise, action);
                if (PlatformerPhysics.dead(step)) {
                    continue;
                }
                int next = index(PlatformerPhysics.x(step), PlatformerPhysics.y(step), PlatformerPhysics.rise(step));
                if (parent[next] != -2) {
                    continue;
                }
                parent[next] = s;
                move[next] = (byte) action;
                if (PlatformerPhysics.x(step) > column(furthest)) {
                    furthest = next;
                }
                if (PlatformerPhysics.x(step) == w - 1) {
                    return path(level, next, true);
                }
                queue[tail++] = next;
            }
        }
        return path(level, furthest, false);
    }

    private static int index(int x, int y, int rise) {
        return (x * PlatformerLevel.HEIGHT + y) * RISES + rise;
    }

    private static int column(int state) {
        return state / RISES / PlatformerLevel.HEIGHT;
    }

    private PlatformerSolution path(PlatformerLevel level, int end, boolean completable) {
        List<Integer> actions = new ArrayList<>();
        for (int s = end; parent[s] != -1; s = parent[s]) {
            actions.add((int) move[s]);
        }
        Collections.reverse(actions);
        int jumps = 0;
        int x = level.startX();
        int y = level.startY();
        int rise = 0;
        for (int a : actions) {
            int step = PlatformerPhysics.step(level, x, y, rise, a);
            if (PlatformerPhysics.jumped(step)) {
                jumps++;
            }
            x = PlatformerPhysics.x(step);
            y = PlatformerPhysics.y(step);
            rise = PlatformerPhysics.rise(step);
        }
        int furthestX = column(end);
        double completion = completable ? 1.0 : (double) furthestX / (level.width() - 1);
        return new PlatformerSolution(completable, furthestX, completion, actions, jumps);
    }
}
