package dev.levelgym.envs.dungeon;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.wrappers.Wrapper;
import java.util.Arrays;

/**
 * Potential-based reward shaping for Dungeon-v0 (Ng, Harada and Russell 1999): each step's reward gets
 * {@code F = γ Φ(s') − Φ(s)} added, with {@code Φ(s) = −scale × d(s)} and {@code d} the number of moves still needed
 * to win, ignoring enemies: avatar → nearest key → nearest door, or avatar → nearest door once the key is held, by
 * breadth-first search around walls (a closed door blocks until the key is held). A step towards the goal earns
 * about {@code scale}; standing still earns {@code (1 − γ) scale d}, a tiny amount (under 0.01 on 13×9 levels).
 * A constant added to Φ would not be harmless here: with γ &lt; 1 it becomes a reward of {@code (γ − 1) c} per step,
 * which for the level's cell count as c cancels the pull towards the goal.
 *
 * <p>Why: the env's reward is sparse (key +1, door +1), while killing an enemy pays +2 and comes to the avatar on
 * its own, so DQN learns to fight long before it learns to win. Shaping of this form leaves the optimal policies
 * unchanged (the shaping terms of a trajectory telescope), so an agent trained with it is still judged on the plain
 * env: evaluate without the option. One deviation from the theorem: the potential of a final state is taken as it
 * is, not as 0, so that dying far from the goal earns no bonus.
 *
 * <p>Enabled by the Dungeon-v0 option {@code reward_shaping=goal_distance} (default {@code none}).
 */
public final class GoalDistanceShaping extends Wrapper<float[], Integer> {

    public static final String OPTION = "reward_shaping";
    public static final String GOAL_DISTANCE = "goal_distance";
    /** The potential per remaining move: a step towards the goal earns about 0.1, a tenth of the key's reward. */
    static final double SCALE = 0.1;
    /** The discount in F; DQN's default γ, for which the invariance argument holds exactly. */
    static final double GAMMA = 0.99;

    private final Dungeon dungeon;
    private int[] distance = new int[0];
    private int[] queue = new int[0];
    private double potential;
    /** The cell where the last successful {@link #nearest} search stopped. */
    private int lastFound;

    public GoalDistanceShaping(Dungeon env) {
        super(env);
        this.dungeon = env;
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        ResetResult<float[]> result = env.reset(seed);
        potential = potential();
        return result;
    }

    @Override
    public ResetResult<float[]> reset() {
        ResetResult<float[]> result = env.reset();
        potential = potential();
        return result;
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        StepResult<float[]> result = env.step(action);
        double next = potential();
        double shaped = result.reward() + GAMMA * next - potential;
        potential = next;
        return new StepResult<>(result.observation(), shaped, result.terminated(), result.truncated(),
                result.info());
    }

    private double potential() {
        return -SCALE * movesToWin(dungeon.game());
    }

    /** Moves still needed to win in the current state, ignoring enemies (see the class comment). */
    public int movesToWin() {
        return movesToWin(dungeon.game());
    }

    /**
     * Moves still needed to win if no enemy were in the way; a win is 0. When the goal cannot be reached (no key
     * left and none held, say), the level's cell count, a constant, so the potential carries no false signal.
     */
    private int movesToWin(DungeonGame game) {
        int cells = game.width() * game.height();
        if (game.outcome() == Outcome.WIN) {
            return 0;
        }
        if (game.keyHeld()) {
            int d = nearest(game, game.avatarCell(), true, DungeonGame.T_DOOR);
            return d < 0 ? cells : d;
        }
        int toKey = nearest(game, game.avatarCell(), false, DungeonGame.T_KEY);
        if (toKey < 0) {
            return cells;
        }
        int toDoor = nearest(game, lastFound, true, DungeonGame.T_DOOR);
        return toDoor < 0 ? cells : toKey + toDoor;
    }

    /**
     * Breadth-first distance from {@code start} to the nearest cell of terrain {@code goal}; walls block, and doors
     * too unless {@code withKey}. Returns -1 if none is reachable.
     */
    private int nearest(DungeonGame game, int start, boolean withKey, byte goal) {
        int cells = game.width() * game.height();
        if (distance.length != cells) {
            distance = new int[cells];
            queue = new int[cells];
        }
        Arrays.fill(distance, -1);
        int head = 0;
        int tail = 0;
        distance[start] = 0;
        queue[tail++] = start;
        while (head < tail) {
            int cell = queue[head++];
            if (game.terrainChannel(cell) == goal) {
                lastFound = cell;
                return distance[cell];
            }
            for (int direction = 0; direction < 4; direction++) {
                int next = game.neighbour(cell, direction);
                if (next < 0 || distance[next] >= 0) {
                    continue;
                }
                byte terrain = game.terrainChannel(next);
                if (terrain == DungeonGame.T_WALL || (terrain == DungeonGame.T_DOOR && !withKey)) {
                    continue;
                }
                distance[next] = distance[cell] + 1;
                queue[tail++] = next;
            }
        }
        return -1;
    }
}
