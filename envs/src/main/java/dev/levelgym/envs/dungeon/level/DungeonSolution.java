package dev.levelgym.envs.dungeon.level;

import java.util.List;

/**
 * What {@link DungeonSolver} found: whether the level can be won, and if so a shortest winning sequence of
 * moves as Dungeon actions (1 up, 2 down, 3 left, 4 right).
 *
 * @param playable true if the avatar can collect a key and open every door
 * @param length   number of moves in {@code actions}; -1 if not playable
 * @param actions  a shortest sequence of moves; empty if not playable
 */
public record DungeonSolution(boolean playable, int length, List<Integer> actions) {

    public DungeonSolution {
        actions = List.copyOf(actions);
        if (playable != (length >= 0) || (playable && length != actions.size())) {
            throw new IllegalArgumentException("inconsistent solution: playable=" + playable + ", length="
                    + length + ", " + actions.size() + " actions");
        }
    }

    public static DungeonSolution unplayable() {
        return new DungeonSolution(false, -1, List.of());
    }
}
