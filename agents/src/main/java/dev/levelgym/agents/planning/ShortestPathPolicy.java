package dev.levelgym.agents.planning;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.DungeonChannel;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Space;
import java.util.Arrays;

/**
 * A scripted Dungeon-v0 baseline that plans on what it sees: from the full-view observation it finds the avatar,
 * runs a breadth-first search from the key (or, once the key is held, from the door) around walls, and steps to the
 * neighbour closest to it, avoiding a neighbour an enemy stands on unless every way is taken; it never swings the
 * sword and does not foresee enemy moves. It shows what a learner has to discover: on unseen levels this
 * wins about nine in ten, while heading for the key without routing around walls wins under a third
 * (docs/dqn-dungeon-history.md). It learns nothing and keeps no state between steps, so it is a function, not an
 * agent with checkpoints.
 */
public final class ShortestPathPolicy {

    public static final String NAME = "shortest-path";

    /** Action per direction (up, down, left, right), as {@code Dungeon}'s action numbers. */
    private static final int[] MOVE = {1, 2, 3, 4};
    private static final int NOOP = 0;
    /** Added to a neighbour's distance when an enemy stands there: any free way is preferred. */
    private static final int ENEMY_COST = 1_000;
    private static final DungeonChannel[] ENEMIES = {DungeonChannel.ENEMY_QUICK, DungeonChannel.ENEMY_NORMAL, DungeonChannel.ENEMY_SLOW};

    private final int height;
    private final int width;
    private final int plane;
    private final int[] distance;
    private final int[] queue;

    /**
     * A policy for observations of {@code space}.
     *
     * @throws IllegalArgumentException if the space is not Dungeon-v0's planes ({@link DungeonChannel#COUNT}×H×W); meant for
     *                                  the full view, on the egocentric one it can only plan inside the window
     */
    public ShortestPathPolicy(Space<?> space) {
        if (!(space instanceof Box box) || box.shape().length != 3 || box.shape()[0] != DungeonChannel.COUNT) {
            throw new UserInputException(NAME + " plays Dungeon-v0 (observation " + DungeonChannel.COUNT
                    + "×H×W planes, full view), got " + space);
        }
        this.height = box.shape()[1];
        this.width = box.shape()[2];
        this.plane = height * width;
        this.distance = new int[plane];
        this.queue = new int[plane];
    }

    /**
     * The step along a shortest path to the current goal (ties: up, down, left, right), or noop when none is
     * reachable.
     */
    public int act(float[] observation) {
        int avatar = find(observation, DungeonChannel.AVATAR);
        boolean keyHeld = avatar < 0;
        if (keyHeld) {
            avatar = find(observation, DungeonChannel.AVATAR_WITH_KEY);
        }
        if (avatar < 0) {
            return NOOP;
        }
        search(observation, keyHeld ? DungeonChannel.DOOR : DungeonChannel.KEY, keyHeld);
        int best = NOOP;
        int bestDistance = Integer.MAX_VALUE;
        for (int d = 0; d < MOVE.length; d++) {
            int next = neighbour(avatar, d);
            if (next < 0 || distance[next] < 0) {
                continue;
            }
            int cost = distance[next] + (enemyAt(observation, next) ? ENEMY_COST : 0);
            if (cost < bestDistance) {
                bestDistance = cost;
                best = MOVE[d];
            }
        }
        return best;
    }

    /** Fills {@link #distance} with moves to the nearest {@code goal} cell; walls block, and closed doors too. */
    private void search(float[] observation, DungeonChannel goal, boolean keyHeld) {
        Arrays.fill(distance, -1);
        int head = 0;
        int tail = 0;
        for (int cell = 0; cell < plane; cell++) {
            if (is(observation, goal, cell)) {
                distance[cell] = 0;
                queue[tail++] = cell;
            }
        }
        while (head < tail) {
            int cell = queue[head++];
            for (int d = 0; d < MOVE.length; d++) {
                int next = neighbour(cell, d);
                if (next < 0 || distance[next] >= 0 || is(observation, DungeonChannel.WALL, next)
                        || (!keyHeld && is(observation, DungeonChannel.DOOR, next))) {
                    continue;
                }
                distance[next] = distance[cell] + 1;
                queue[tail++] = next;
            }
        }
    }

    private boolean enemyAt(float[] observation, int cell) {
        for (DungeonChannel enemy : ENEMIES) {
            if (is(observation, enemy, cell)) {
                return true;
            }
        }
        return false;
    }

    private int find(float[] observation, DungeonChannel channel) {
        for (int cell = 0; cell < plane; cell++) {
            if (is(observation, channel, cell)) {
                return cell;
            }
        }
        return -1;
    }

    private boolean is(float[] observation, DungeonChannel channel, int cell) {
        return observation[channel.ordinal() * plane + cell] > 0.5f;
    }

    private int neighbour(int cell, int direction) {
        int x = cell % width;
        int y = cell / width;
        return switch (direction) {
            case 0 -> y > 0 ? cell - width : -1;
            case 1 -> y < height - 1 ? cell + width : -1;
            case 2 -> x > 0 ? cell - 1 : -1;
            default -> x < width - 1 ? cell + 1 : -1;
        };
    }
}
