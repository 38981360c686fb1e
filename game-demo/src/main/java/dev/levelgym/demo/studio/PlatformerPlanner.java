package dev.levelgym.demo.studio;

import dev.levelgym.envs.platformer.PlatformerGame;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import java.util.Arrays;

/**
 * The platformer play-test's scripted player, for the rules the env plays ({@link PlatformerRules}: v1's momentum
 * and variable jumps, or v0's fixed jump). Once per level it computes, for every player state (position, row,
 * motion), the fewest ticks to the last column ignoring enemies: a breadth-first search backwards over the rules'
 * own steps. Every tick it then looks {@value #DEPTH} ticks ahead through every action sequence, with the enemies'
 * walks predicted exactly (they ignore the player; {@link PlatformerPhysics#enemyStep}, the same in both versions),
 * drops the sequences that die (a fall out of the level, or an enemy touched other than by a stomp, as
 * {@link PlatformerRules#contact} rules it), and plays the first action of the sequence that ends nearest the goal.
 * So it jumps over or onto an enemy it sees coming and recovers from a random action (the play-test's noise); it can
 * still be caught by what it cannot see in {@value #DEPTH} ticks.
 */
final class PlatformerPlanner {

    /** Ticks of lookahead: 6^3 sequences a tick. */
    static final int DEPTH = 3;
    /** Enemies the lookahead follows at most (those nearest the player; a stomp is remembered in a bit of a long). */
    private static final int MAX_ENEMIES = 64;
    private static final int UNREACHABLE = Integer.MAX_VALUE / 4;
    private static final int DEAD = Integer.MAX_VALUE;
    private static final int[] ORDER = {PlatformerRules.RIGHT, PlatformerRules.JUMP_RIGHT, PlatformerRules.NOOP,
        PlatformerRules.JUMP, PlatformerRules.LEFT, PlatformerRules.JUMP_LEFT};

    private final PlatformerLevel level;
    private final PlatformerRules rules;
    private final int width;
    private final int height;
    private final int motions;
    /** Fewest ticks from each state to the last column, enemies ignored; {@link #UNREACHABLE} when none. */
    private final int[] toGoal;
    /** Predicted enemy cells for the lookahead: [enemy][tick 0..DEPTH], -1 when gone. */
    private int[][] enemyX = new int[0][];
    private int[][] enemyY = new int[0][];
    private int enemies;
    private int tick;

    PlatformerPlanner(PlatformerLevel level, PlatformerRules rules) {
        this.level = level;
        this.rules = rules;
        this.width = level.width();
        this.height = level.height();
        this.motions = rules.motions();
        this.toGoal = distances();
    }

    /** The rules' state packed in the search's index, as the layout solver indexes it. */
    private int index(long state) {
        return (PlatformerRules.xs(state) * height + PlatformerRules.y(state)) * motions
                + PlatformerRules.motion(state);
    }

    private long state(int index) {
        int motion = index % motions;
        int rest = index / motions;
        return PlatformerRules.pack(rest / height, rest % height, motion, 0);
    }

    /**
     * Breadth first from the goal over the reversed step graph. The graph is not stored forwards: a first pass over
     * the steps counts each state's predecessors, a second files them, so the memory is the predecessor lists alone.
     */
    private int[] distances() {
        int states = ((width - 1) * rules.subcolumns() + 1) * height * motions;
        int[] in = new int[states + 1];
        for (int pass = 0; pass < 2; pass++) {
            int[] from = pass == 0 ? null : new int[in[states]];
            int[] fill = pass == 0 ? null : Arrays.copyOf(in, states);
            for (int s = 0; s < states; s++) {
                long state = state(s);
                if (blocked(state)) {
                    continue;
                }
                for (int a : ORDER) {
                    long step = rules.step(level, state, a);
                    if (PlatformerRules.dead(step)) {
                        continue;
                    }
                    int t = index(PlatformerRules.withoutFlags(step));
                    if (pass == 0) {
                        in[t + 1]++;
                    } else {
                        from[fill[t]++] = s;
                    }
                }
            }
            if (pass == 0) {
                for (int i = 0; i < states; i++) {
                    in[i + 1] += in[i];
                }
            } else {
                return backwards(states, in, from);
            }
        }
        throw new AssertionError("two passes");
    }

    private int[] backwards(int states, int[] in, int[] from) {
        int[] dist = new int[states];
        Arrays.fill(dist, UNREACHABLE);
        int[] queue = new int[states];
        int tail = 0;
        for (int s = 0; s < states; s++) {
            long state = state(s);
            if (!blocked(state) && rules.lastColumn(state) == width - 1) {
                dist[s] = 0;
                queue[tail++] = s;
            }
        }
        for (int head = 0; head < tail; head++) {
            int t = queue[head];
            for (int i = in[t]; i < in[t + 1]; i++) {
                int s = from[i];
                if (dist[s] == UNREACHABLE) {
                    dist[s] = dist[t] + 1;
                    queue[tail++] = s;
                }
            }
        }
        return dist;
    }

    /** True for a state inside a solid cell, which no step reaches. */
    private boolean blocked(long state) {
        int y = PlatformerRules.y(state);
        return level.solid(rules.column(state), y) || level.solid(rules.lastColumn(state), y);
    }

    /** The action to play now in {@code game}, which must play this planner's rules. */
    int act(PlatformerGame game) {
        predictEnemies(game);
        long player = game.playerState();
        int best = DEAD;
        int bestAction = -1;
        for (int a : ORDER) {
            int v = after(0, player, 0L, a);
            if (v < best) {
                best = v;
                bestAction = a;
            }
        }
        if (bestAction >= 0) {
            return bestAction;
        }
        // Every sequence dies: take the step nearest the goal and hope.
        int fallback = PlatformerRules.RIGHT;
        int nearest = DEAD;
        for (int a : ORDER) {
            long step = rules.step(level, player, a);
            if (!PlatformerRules.dead(step)) {
                int v = score(PlatformerRules.withoutFlags(step));
                if (v < nearest) {
                    nearest = v;
                    fallback = a;
                }
            }
        }
        return fallback;
    }

    /**
     * The best end of the sequences starting with {@code action} at lookahead tick {@code d}, the player in
     * {@code state} and the enemies of {@code stomped}'s bits stomped; DEAD if all die. The tick is the game's:
     * the move, contacts with the enemies where they stand, the goal, then the enemies' move.
     */
    private int after(int d, long state, long stomped, int action) {
        long step = rules.step(level, state, action);
        if (PlatformerRules.dead(step)) {
            return DEAD;
        }
        long player = PlatformerRules.withoutFlags(step);
        for (int k = 0; k < enemies; k++) {
            if ((stomped & 1L << k) != 0 || enemyY[k][d] < 0) {
                continue;
            }
            switch (rules.contact(state, step, enemyX[k][d], enemyY[k][d])) {
                case HIT -> {
                    return DEAD;
                }
                case STOMP -> {
                    stomped |= 1L << k;
                    player = rules.bounce(player);
                }
                case NONE -> { }
            }
        }
        if (rules.lastColumn(player) == width - 1) {
            return -DEPTH + d;
        }
        if (rules.enemiesMoveOn(tick + d + 1)) {
            for (int k = 0; k < enemies; k++) {
                if ((stomped & 1L << k) == 0 && enemyY[k][d + 1] >= 0
                        && rules.occupies(player, enemyX[k][d + 1], enemyY[k][d + 1])) {
                    return DEAD;
                }
            }
        }
        if (d + 1 == DEPTH) {
            return score(player);
        }
        int best = DEAD;
        for (int a : ORDER) {
            best = Math.min(best, after(d + 1, player, stomped, a));
        }
        return best;
    }

    /** Ticks to the goal from a state; past the unreachable ones, the further right the better. */
    private int score(long state) {
        int d = toGoal[index(state)];
        return d < UNREACHABLE ? d : UNREACHABLE + width - rules.column(state);
    }

    /**
     * The live enemies near the player (at most {@value #MAX_ENEMIES}), where they will be after each of the next
     * {@value #DEPTH} ticks.
     */
    private void predictEnemies(PlatformerGame game) {
        tick = game.ticks();
        int near = 2 * DEPTH + 2;
        int count = Math.min(game.enemyCount(), MAX_ENEMIES);
        if (enemyX.length < count) {
            enemyX = new int[count][DEPTH + 1];
            enemyY = new int[count][DEPTH + 1];
        }
        enemies = 0;
        for (int i = 0; i < game.enemyCount() && enemies < count; i++) {
            if (!game.enemyAlive(i) || Math.abs(game.enemyX(i) - game.playerX()) > near) {
                continue;
            }
            int ex = game.enemyX(i);
            int ey = game.enemyY(i);
            int dir = game.enemyDirection(i);
            int[] px = enemyX[enemies];
            int[] py = enemyY[enemies];
            px[0] = ex;
            py[0] = ey;
            for (int d = 1; d <= DEPTH; d++) {
                if (ey < height && rules.enemiesMoveOn(tick + d)) {
                    int step = PlatformerPhysics.enemyStep(level, ex, ey, dir);
                    ex = PlatformerPhysics.x(step);
                    ey = PlatformerPhysics.y(step);
                    dir = PlatformerPhysics.enemyDirection(step);
                }
                px[d] = ey < height ? ex : -1;
                py[d] = ey < height ? ey : -1;
            }
            enemies++;
        }
    }
}
