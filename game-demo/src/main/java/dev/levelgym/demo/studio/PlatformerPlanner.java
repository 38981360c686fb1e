package dev.levelgym.demo.studio;

import dev.levelgym.envs.platformer.PlatformerGame;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import java.util.Arrays;

/**
 * The platformer play-test's scripted player. Once per level it computes, for every player state (column, row,
 * rise), the fewest ticks to the last column ignoring enemies: a breadth-first search backwards over the env's
 * own {@link PlatformerPhysics} steps. Every tick it then looks {@value #DEPTH} ticks ahead through every action
 * sequence, with the enemies' walks predicted exactly (they ignore the player), drops the sequences that die (a
 * fall out of the level, or an enemy met other than from above, as the game rules it), and plays the first
 * action of the sequence that ends nearest the goal. So it jumps over or onto an enemy it sees coming and
 * recovers from a random action (the play-test's noise); it can still be caught by what it cannot see in
 * {@value #DEPTH} ticks.
 */
final class PlatformerPlanner {

    /** Ticks of lookahead: 6^3 sequences a tick. */
    static final int DEPTH = 3;
    /** Rise is three bits of a physics step, so eight values cover any jump the physics may have. */
    private static final int RISES = 8;
    private static final int UNREACHABLE = Integer.MAX_VALUE / 4;
    private static final int DEAD = Integer.MAX_VALUE;
    private static final int[] ORDER = {PlatformerPhysics.RIGHT, PlatformerPhysics.JUMP_RIGHT,
        PlatformerPhysics.NOOP, PlatformerPhysics.JUMP, PlatformerPhysics.LEFT, PlatformerPhysics.JUMP_LEFT};

    private final PlatformerLevel level;
    private final int width;
    private final int height;
    /** Fewest ticks from each state to the last column, enemies ignored; {@link #UNREACHABLE} when none. */
    private final int[] toGoal;
    /** Predicted enemy cells for the lookahead: [enemy][tick 0..DEPTH], -1 when gone. */
    private int[][] enemyX = new int[0][];
    private int[][] enemyY = new int[0][];
    private int enemies;
    private int tick;

    PlatformerPlanner(PlatformerLevel level) {
        this.level = level;
        this.width = level.width();
        this.height = level.height();
        this.toGoal = distances();
    }

    private int index(int x, int y, int rise) {
        return (x * height + y) * RISES + rise;
    }

    /** Breadth first from the goal column over the reversed step graph. */
    private int[] distances() {
        int states = width * height * RISES;
        int[] next = new int[states * ORDER.length];
        int[] in = new int[states + 1];
        Arrays.fill(next, -1);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                if (level.tile(x, y).solid()) {
                    continue;
                }
                for (int rise = 0; rise < RISES; rise++) {
                    int s = index(x, y, rise);
                    for (int a = 0; a < ORDER.length; a++) {
                        int step = PlatformerPhysics.step(level, x, y, rise, ORDER[a]);
                        if (!PlatformerPhysics.dead(step)) {
                            int t = index(PlatformerPhysics.x(step), PlatformerPhysics.y(step),
                                    PlatformerPhysics.rise(step));
                            next[s * ORDER.length + a] = t;
                            in[t + 1]++;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < states; i++) {
            in[i + 1] += in[i];
        }
        int[] from = new int[in[states]];
        int[] fill = Arrays.copyOf(in, states);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < ORDER.length; a++) {
                int t = next[s * ORDER.length + a];
                if (t >= 0) {
                    from[fill[t]++] = s;
                }
            }
        }
        int[] dist = new int[states];
        Arrays.fill(dist, UNREACHABLE);
        int[] queue = new int[states];
        int tail = 0;
        for (int y = 0; y < height; y++) {
            for (int rise = 0; rise < RISES; rise++) {
                int s = index(width - 1, y, rise);
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

    /** The action to play now in {@code game}. */
    int act(PlatformerGame game) {
        predictEnemies(game);
        int x = game.playerX();
        int y = game.playerY();
        int rise = game.rise();
        int best = DEAD;
        int bestAction = -1;
        for (int a : ORDER) {
            int v = after(0, x, y, rise, a);
            if (v < best) {
                best = v;
                bestAction = a;
            }
        }
        if (bestAction >= 0) {
            return bestAction;
        }
        // Every sequence dies: take the step nearest the goal and hope.
        int fallback = PlatformerPhysics.RIGHT;
        int nearest = DEAD;
        for (int a : ORDER) {
            int step = PlatformerPhysics.step(level, x, y, rise, a);
            if (!PlatformerPhysics.dead(step)) {
                int v = score(PlatformerPhysics.x(step), PlatformerPhysics.y(step), PlatformerPhysics.rise(step));
                if (v < nearest) {
                    nearest = v;
                    fallback = a;
                }
            }
        }
        return fallback;
    }

    /** The best end of the sequences starting with {@code action} at lookahead tick {@code d}; DEAD if all die. */
    private int after(int d, int x, int y, int rise, int action) {
        int step = PlatformerPhysics.step(level, x, y, rise, action);
        if (PlatformerPhysics.dead(step)) {
            return DEAD;
        }
        int nx = PlatformerPhysics.x(step);
        int ny = PlatformerPhysics.y(step);
        int nr = PlatformerPhysics.rise(step);
        boolean fell = PlatformerPhysics.fell(step);
        for (int k = 0; k < enemies; k++) {
            if (enemyX[k][d] == nx && enemyY[k][d] == ny) {
                if (!fell) {
                    return DEAD;
                }
                nr = PlatformerPhysics.STOMP_BOUNCE;
            }
        }
        if (nx == width - 1) {
            return -DEPTH + d;
        }
        if (PlatformerPhysics.enemiesMoveOn(tick + d + 1)) {
            for (int k = 0; k < enemies; k++) {
                if (enemyX[k][d + 1] == nx && enemyY[k][d + 1] == ny) {
                    return DEAD;
                }
            }
        }
        if (d + 1 == DEPTH) {
            return score(nx, ny, nr);
        }
        int best = DEAD;
        for (int a : ORDER) {
            best = Math.min(best, after(d + 1, nx, ny, nr, a));
        }
        return best;
    }

    /** Ticks to the goal from a state; past the unreachable ones, the further right the better. */
    private int score(int x, int y, int rise) {
        int d = toGoal[index(x, y, rise)];
        return d < UNREACHABLE ? d : UNREACHABLE + width - x;
    }

    /**
     * The enemies near the player, where they will be after each of the next {@value #DEPTH} ticks. A stomped enemy
     * stays in the prediction, which only makes the planner warier.
     */
    private void predictEnemies(PlatformerGame game) {
        tick = game.ticks();
        if (enemyX.length < game.enemyCount()) {
            enemyX = new int[game.enemyCount()][DEPTH + 1];
            enemyY = new int[game.enemyCount()][DEPTH + 1];
        }
        enemies = 0;
        for (int i = 0; i < game.enemyCount(); i++) {
            if (!game.enemyAlive(i) || Math.abs(game.enemyX(i) - game.playerX()) > 2 * DEPTH + 2) {
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
                if (ey >= 0 && ey < height && PlatformerPhysics.enemiesMoveOn(tick + d)) {
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
