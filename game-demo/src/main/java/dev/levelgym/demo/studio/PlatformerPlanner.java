package dev.levelgym.demo.studio;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import java.util.Arrays;

/**
 * The platformer play-test's scripted player: every tick it searches, breadth first with the env's own
 * {@link PlatformerPhysics}, for a shortest run from where the player is now (column, row, rise) to the last
 * column, and plays that run's first action; with no such run it heads for the furthest column it can reach.
 * Enemies are ignored, as the layout solver ignores them, so it walks into one that is in the way: where it dies
 * is what the heatmap shows. Replanning each tick lets it recover after a random action (the play-test's noise).
 */
final class PlatformerPlanner {

    /** Rise is three bits of a physics step, so eight values cover any jump the physics may have. */
    private static final int RISES = 8;
    private static final int[] ORDER = {PlatformerPhysics.RIGHT, PlatformerPhysics.JUMP_RIGHT,
        PlatformerPhysics.NOOP, PlatformerPhysics.JUMP, PlatformerPhysics.LEFT, PlatformerPhysics.JUMP_LEFT};

    private final PlatformerLevel level;
    private final int[] first;
    private final int[] queue;

    PlatformerPlanner(PlatformerLevel level) {
        this.level = level;
        int states = level.width() * level.height() * RISES;
        this.first = new int[states];
        this.queue = new int[states];
    }

    int act(int x, int y, int rise) {
        int w = level.width();
        Arrays.fill(first, -1);
        int head = 0;
        int tail = 0;
        int bestX = x;
        int bestAction = PlatformerPhysics.RIGHT;
        queue[tail++] = index(x, y, rise);
        first[index(x, y, rise)] = PlatformerPhysics.NOOP;
        boolean root = true;
        while (head < tail) {
            int s = queue[head++];
            int r = s % RISES;
            int cy = s / RISES % level.height();
            int cx = s / RISES / level.height();
            for (int a : ORDER) {
                int step = PlatformerPhysics.step(level, cx, cy, r, a);
                if (PlatformerPhysics.dead(step)) {
                    continue;
                }
                int n = index(PlatformerPhysics.x(step), PlatformerPhysics.y(step), PlatformerPhysics.rise(step));
                if (first[n] >= 0) {
                    continue;
                }
                int action = root ? a : first[s];
                first[n] = action;
                if (PlatformerPhysics.x(step) == w - 1) {
                    return action;
                }
                if (PlatformerPhysics.x(step) > bestX) {
                    bestX = PlatformerPhysics.x(step);
                    bestAction = action;
                }
                queue[tail++] = n;
            }
            root = false;
        }
        return bestAction;
    }

    private int index(int x, int y, int rise) {
        return (x * level.height() + y) * RISES + rise;
    }
}
