package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Turns any rectangular map of legend characters ({@code w . A + g 1 2 3}, space as floor) into a playable
 * Dungeon level with few tile edits: exactly one avatar, key and door, a wall border, and a path avatar → key →
 * door.
 *
 * <p>Method:
 * <ol>
 *   <li>Every non-wall border cell becomes a wall (forced: the border is required).</li>
 *   <li>Every triple of distinct interior cells (a, k, d) gets a lower bound on its edits: piece edits (cells
 *       that must change so that a holds the avatar, k the key, d the door and every other avatar/key/door
 *       becomes floor) + the larger of two wall counts from 0-1 BFS (entering a wall costs 1, anything else 0;
 *       enemies are passable, as for the solver): the fewest walls on a path a → k that avoids d, and on a path
 *       k → d. Both paths must exist in the result, so this bounds every repair with these placements.</li>
 *   <li>Triples are evaluated in increasing bound order (ties to the lowest cell indices, so the result is
 *       deterministic): place the pieces, carve the walls of a cheapest a → k path avoiding d, then of a
 *       cheapest k → d path on the carved map (reusing what the first leg opened), and count edits. The search
 *       stops when the next bound is not below the best count found (or after {@value #MAX_EVALUATIONS}
 *       evaluations).</li>
 * </ol>
 *
 * <p>Optimality: the border step and the piece placements are exact, and no triple that could beat the result
 * is skipped by the bound. The approximation is inside one triple: carving a cheapest first leg and then a
 * cheapest second leg is not always the cheapest pair of paths (the Steiner-tree-like case where a longer first
 * leg would share more walls with the second). The result is always playable (checked with the solver). Cost:
 * one BFS per (avatar, door) pair, O(cells³) overall: milliseconds at GVGAI sizes (13×9: 77 interior cells);
 * maps are limited to {@value #MAX_CELLS} cells.
 */
public final class DungeonRepair {

    /** One changed cell. */
    public record Edit(int x, int y, char from, char to) {
        @Override
        public String toString() {
            return "(" + x + "," + y + ") " + from + "->" + to;
        }
    }

    /** The playable level and the edits that made it from the input. */
    public record Result(DungeonLevel level, List<Edit> edits) {
        public Result {
            edits = List.copyOf(edits);
        }
    }

    /** Candidate triples evaluated exactly at most; bounds the time on large, very broken maps. */
    static final int MAX_EVALUATIONS = 20_000;
    /** Largest map (cells): the search runs a BFS per (avatar, door) pair, O(cells³) in all. */
    static final int MAX_CELLS = 1024;

    private final int w;
    private final int h;
    private final DungeonTile[] tiles;
    private final char[] original;

    private DungeonRepair(int w, int h, DungeonTile[] tiles, char[] original) {
        this.w = w;
        this.h = h;
        this.tiles = tiles;
        this.original = original;
    }

    /**
     * A generator's draft as a playable level: the draft itself if it parses (one avatar, a key, a door) and
     * {@code solver} wins it (no edits), else its repair.
     */
    public static Result playable(String draft, String id, DungeonSolver solver) {
        DungeonLevel level;
        try {
            level = DungeonParser.parse(draft, id);
        } catch (IllegalArgumentException e) {
            return repair(draft, id); // not well formed
        }
        return solver.shortest(level).playable() ? new Result(level, List.of()) : repair(draft, id);
    }

    /** Repairs a level that is already well formed (e.g. to check it needs no edits). */
    public static Result repair(DungeonLevel level) {
        return repair(level.toText(), level.id());
    }

    /**
     * Repairs map text: rows separated by LF or CRLF, all the same length, legend characters only.
     *
     * @throws IllegalArgumentException for ragged rows, unknown characters, or fewer than 3 interior cells
     */
    public static Result repair(String text, String id) {
        String t = text.replace("\r\n", "\n");
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        String[] rows = t.split("\n", -1);
        int h = rows.length;
        int w = rows[0].length();
        for (String r : rows) {
            if (r.length() != w) {
                throw new UserInputException("map " + id + ": rows have different lengths");
            }
        }
        if ((w - 2) * (h - 2) < 3 || w < 3 || h < 3) {
            throw new UserInputException("map " + id + " is " + w + "x" + h
                    + "; repair needs at least 3 cells inside the border");
        }
        if (w * h > MAX_CELLS) {
            throw new UserInputException("map " + id + " has " + w * h + " cells; repair handles at most "
                    + MAX_CELLS);
        }
        DungeonTile[] tiles = new DungeonTile[w * h];
        char[] original = new char[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                DungeonTile tile = DungeonTile.fromSymbol(c);
                if (tile == null) {
                    throw new UserInputException("map " + id + ": unknown character '" + c + "' at line "
                            + (y + 1) + ", column " + (x + 1) + "; expected one of " + DungeonTile.EXPECTED);
                }
                tiles[y * w + x] = tile;
                original[y * w + x] = c;
            }
        }
        return new DungeonRepair(w, h, tiles, original).run(id);
    }

    private Result run(String id) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    tiles[y * w + x] = DungeonTile.WALL;
                }
            }
        }
        int cells = w * h;
        List<Integer> interior = new ArrayList<>();
        int[] count = new int[3];
        for (int c = 0; c < cells; c++) {
            if (!border(c)) {
                interior.add(c);
                int p = piece(tiles[c]);
                if (p >= 0) {
                    count[p]++;
                }
            }
        }
        // Edits to make cell c hold piece p given the rest is cleared: placed[p][c].
        // Total piece edits for (a,k,d) = sum over p of (count[p] - [tile(cell_p)==p]) + [tile(cell_p)!=p]
        //   minus corrections when a chosen cell holds another piece (it is re-used, not cleared separately).
        int[][] fromD = new int[cells][];
        for (int d : interior) {
            fromD[d] = zeroOneBfs(tiles, d, -1, null);
        }
        // Candidates sorted by a lower bound on their edits: piece edits + the larger of the two legs' wall counts
        // (both paths must exist in the result). Exact evaluation (carve leg 1, then the cheapest leg 2 on the
        // carved map) in that order, stopping when the bound reaches the best evaluated count.
        // Only triples whose bound is below the best additive estimate (itself an upper bound on the evaluated
        // count) are kept.
        long[] candidates = new long[1024];
        int n = 0;
        long upper = Long.MAX_VALUE;
        for (int a : interior) {
            for (int d : interior) {
                if (d == a) {
                    continue;
                }
                int[] fromA = zeroOneBfs(tiles, a, d, null);
                for (int k : interior) {
                    if (k == a || k == d || fromA[k] == Integer.MAX_VALUE) {
                        continue;
                    }
                    int pe = pieceEdits(a, k, d, count);
                    int l1 = pathWalls(fromA, k);
                    int l2 = pathWalls(fromD[d], k);
                    long bound = pe + Math.max(l1, l2);
                    upper = Math.min(upper, pe + l1 + l2);
                    if (bound > upper) {
                        continue;
                    }
                    if (n == candidates.length) {
                        candidates = Arrays.copyOf(candidates, 2 * n);
                    }
                    candidates[n++] = (bound << 42) | ((long) a << 28) | ((long) d << 14) | k;
                }
            }
        }
        Arrays.sort(candidates, 0, n);
        DungeonTile[] best = null;
        int bestEdits = Integer.MAX_VALUE;
        for (int i = 0; i < n && i < MAX_EVALUATIONS; i++) {
            long c = candidates[i];
            if ((c >>> 42) >= bestEdits) {
                break;
            }
            DungeonTile[] t = build((int) (c >>> 28) & 0x3FFF, (int) c & 0x3FFF, (int) (c >>> 14) & 0x3FFF);
            int edits = countEdits(t);
            if (edits < bestEdits) {
                bestEdits = edits;
                best = t;
            }
        }
        System.arraycopy(best, 0, tiles, 0, tiles.length);

        List<Edit> edits = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            char now = tiles[c].symbol();
            char was = original[c] == ' ' ? '.' : original[c];
            if (now != was) {
                edits.add(new Edit(c % w, c / w, original[c], now));
            }
        }
        DungeonLevel level = new DungeonLevel(id, w, h, tiles);
        if (!DungeonSolver.solve(level).playable()) {
            throw new IllegalStateException("repair produced an unplayable level (bug):\n" + level.toText());
        }
        return new Result(level, edits);
    }

    /** The map with the pieces at a, k, d, other pieces cleared, leg a -> k (avoiding d) and leg k -> d carved. */
    private DungeonTile[] build(int a, int k, int d) {
        DungeonTile[] t = tiles.clone();
        for (int c = 0; c < t.length; c++) {
            if (piece(t[c]) >= 0) {
                t[c] = DungeonTile.FLOOR;
            }
        }
        t[a] = DungeonTile.AVATAR;
        t[k] = DungeonTile.KEY;
        t[d] = DungeonTile.DOOR;
        int[] parent = new int[t.length];
        zeroOneBfs(t, a, d, parent);
        carve(t, parent, a, k);
        zeroOneBfs(t, k, -1, parent);
        carve(t, parent, k, d);
        return t;
    }

    private int countEdits(DungeonTile[] t) {
        int edits = 0;
        for (int c = 0; c < t.length; c++) {
            if (t[c] != tiles[c]) {
                edits++;
            }
        }
        return edits;
    }

    /** Walls among the cells of the path ending at k, excluding k itself (turning k into the key pays for it). */
    private int pathWalls(int[] dist, int k) {
        return dist[k] - (tiles[k] == DungeonTile.WALL ? 1 : 0);
    }

    private int pieceEdits(int a, int k, int d, int[] count) {
        int edits = 0;
        int[] chosen = {a, k, d};
        for (int p = 0; p < 3; p++) {
            int c = chosen[p];
            int here = piece(tiles[c]);
            if (here != p) {
                edits++; // c gets piece p
            }
            // the other cells holding piece p become floor, except the chosen cells (which get their own piece)
            int others = count[p];
            for (int q = 0; q < 3; q++) {
                if (piece(tiles[chosen[q]]) == p) {
                    others--;
                }
            }
            edits += others;
        }
        return edits;
    }

    private static void carve(DungeonTile[] t, int[] parent, int from, int to) {
        for (int c = parent[to]; c != from && c >= 0; c = parent[c]) {
            if (t[c] == DungeonTile.WALL) {
                t[c] = DungeonTile.FLOOR;
            }
        }
    }

    /**
     * Fewest walls entered from {@code source} to every cell (the target counted if it is a wall), not entering
     * {@code blocked} or the border; Integer.MAX_VALUE where unreachable. Fills {@code parent} if given.
     */
    private int[] zeroOneBfs(DungeonTile[] tiles, int source, int blocked, int[] parent) {
        int[] dist = new int[w * h];
        Arrays.fill(dist, Integer.MAX_VALUE);
        if (parent != null) {
            Arrays.fill(parent, -1);
        }
        Deque<Integer> deque = new ArrayDeque<>();
        dist[source] = 0;
        deque.add(source);
        while (!deque.isEmpty()) {
            int c = deque.pollFirst();
            int x = c % w;
            int y = c / w;
            for (int dir = 0; dir < 4; dir++) {
                int nx = x + (dir == 2 ? -1 : dir == 3 ? 1 : 0);
                int ny = y + (dir == 0 ? -1 : dir == 1 ? 1 : 0);
                int n = ny * w + nx;
                if (n == blocked || border(n)) {
                    continue;
                }
                int step = tiles[n] == DungeonTile.WALL ? 1 : 0;
                if (dist[c] + step < dist[n]) {
                    dist[n] = dist[c] + step;
                    if (parent != null) {
                        parent[n] = c;
                    }
                    if (step == 0) {
                        deque.addFirst(n);
                    } else {
                        deque.addLast(n);
                    }
                }
            }
        }
        return dist;
    }

    private boolean border(int c) {
        int x = c % w;
        int y = c / w;
        return x == 0 || y == 0 || x == w - 1 || y == h - 1;
    }

    private static int piece(DungeonTile t) {
        return t == DungeonTile.AVATAR ? 0 : t == DungeonTile.KEY ? 1 : t == DungeonTile.DOOR ? 2 : -1;
    }
}
