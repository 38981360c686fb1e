package dev.levelgym.envs.dungeon.level;

import dev.levelgym.envs.UserInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact playability by breadth-first search over (avatar cell, key held, doors opened). Walls and the level
 * edge block; a door blocks until a key is held and opens when entered; a key is picked up when entered.
 * Enemies are ignored (treated as floor) because the sword can always clear them: the answer is whether the
 * layout can be won, and the length counts moves only.
 *
 * <p>The search is exact for any number of doors up to {@value #MAX_DOORS}: with several doors the win needs
 * all of them opened (GVGAI's {@code SpriteCounter stype=goal}), which is why the opened set is part of the state.
 * Instances are not thread-safe; they keep their search arrays between calls so solving many levels of one
 * size does not allocate.
 */
public final class DungeonSolver {

    /** Doors beyond this would make the state space (cells × 2 × 2^doors) unreasonably large. */
    public static final int MAX_DOORS = 16;

    private static final int[] DX = {0, 0, -1, 1};
    private static final int[] DY = {-1, 1, 0, 0};

    private int[] parent = new int[0];
    private byte[] move = new byte[0];
    private int[] queue = new int[0];

    /** Solves with a fresh solver; for many levels, reuse one instance's {@link #shortest}. */
    public static DungeonSolution solve(DungeonLevel level) {
        return new DungeonSolver().shortest(level);
    }

    /** A shortest winning sequence of moves for {@code level}, or {@link DungeonSolution#unplayable()}. */
    public DungeonSolution shortest(DungeonLevel level) {
        int w = level.width();
        int cells = level.cellCount();
        int[] doorIndex = new int[cells];
        Arrays.fill(doorIndex, -1);
        int doors = 0;
        for (int c = 0; c < cells; c++) {
            if (level.tile(c) == DungeonTile.DOOR) {
                doorIndex[c] = doors++;
            }
        }
        if (doors > MAX_DOORS) {
            throw new UserInputException("level " + level.id() + " has " + doors
                    + " doors; the solver handles at most " + MAX_DOORS);
        }
        int masks = 1 << doors;
        int allOpen = masks - 1;
        int states = cells * 2 * masks;
        if (parent.length < states) {
            parent = new int[states];
            move = new byte[states];
            queue = new int[states];
        }
        Arrays.fill(parent, 0, states, -2);
        // state = (mask * 2 + key) * cells + cell
        int start = level.avatarCell();
        parent[start] = -1;
        queue[0] = start;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int s = queue[head++];
            int cell = s % cells;
            int rest = s / cells;
            int key = rest & 1;
            int mask = rest >> 1;
            int x = cell % w;
            int y = cell / w;
            for (int d = 0; d < 4; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx < 0 || ny < 0 || nx >= w || ny >= level.height()) {
                    continue;
                }
                int next = ny * w + nx;
                DungeonTile t = level.tile(next);
                int nkey = key;
                int nmask = mask;
                if (t == DungeonTile.WALL) {
                    continue;
                } else if (t == DungeonTile.DOOR && (mask & (1 << doorIndex[next])) == 0) {
                    if (key == 0) {
                        continue;
                    }
                    nmask = mask | (1 << doorIndex[next]);
                } else if (t == DungeonTile.KEY) {
                    nkey = 1;
                }
                int ns = (nmask * 2 + nkey) * cells + next;
                if (parent[ns] != -2) {
                    continue;
                }
                parent[ns] = s;
                move[ns] = (byte) (d + 1);
                if (nmask == allOpen) {
                    return path(ns);
                }
                queue[tail++] = ns;
            }
        }
        return DungeonSolution.unplayable();
    }

    private DungeonSolution path(int end) {
        List<Integer> actions = new ArrayList<>();
        for (int s = end; parent[s] != -1; s = parent[s]) {
            actions.add((int) move[s]);
        }
        java.util.Collections.reverse(actions);
        return new DungeonSolution(true, actions.size(), actions);
    }
}
