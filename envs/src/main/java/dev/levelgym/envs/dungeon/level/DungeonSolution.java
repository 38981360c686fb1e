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

    /**
     * The cells a run following {@code actions} passes through on {@code level} (the level this solution solves),
     * the avatar's cell first: the route a player must keep open. Empty if not playable.
     */
    public int[] route(DungeonLevel level) {
        if (!playable) {
            return new int[0];
        }
        int[] cells = new int[length + 1];
        int cell = level.avatarCell();
        cells[0] = cell;
        for (int i = 0; i < length; i++) {
            cell += switch (actions.get(i)) {
                case 1 -> -level.width();
                case 2 -> level.width();
                case 3 -> -1;
                case 4 -> 1;
                default -> throw new IllegalStateException("not a move: " + actions.get(i));
            };
            cells[i + 1] = cell;
        }
        return cells;
    }

    public static DungeonSolution unplayable() {
        return new DungeonSolution(false, -1, List.of());
    }
}
