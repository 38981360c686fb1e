package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rectangular map of VGLC Super Mario Bros characters into a level the player can finish, with few tile
 * edits. The rules are not copied here: every candidate is judged by the env's own solvers (the layout search
 * {@link PlatformerSolver}, then {@link EnemyAwareSolver}) under one version's {@link PlatformerRules}
 * (Platformer-v1's unless asked otherwise), so the repair follows the jump physics that version plays.
 *
 * <p>Method:
 * <ol>
 *   <li><b>Start.</b> If no column has an empty cell on a solid tile (the format's start rule), column 0 gets one
 *       with the fewest edits (at most two: an empty cell, ground under it).</li>
 *   <li><b>Layout, greedily from the furthest point.</b> While the layout solver cannot finish the level, every
 *       single-cell edit in the columns from two before its furthest column to {@value #WINDOW} after it is tried
 *       (a solid tile becomes empty, carving; anything else becomes ground, bridging or making a step), and the
 *       edit that lets the player get furthest is kept (finishing beats everything; ties go to carving, then to the
 *       lowest cell). If no single edit gains ground, a two-cell step (empty cell on new ground) in the next
 *       column is tried. At most {@value #MAX_EDITS} edits.</li>
 *   <li><b>Enemies.</b> If the layout can be finished but not past the enemies, enemies are removed one at a time,
 *       the one nearest to where the enemy-aware run stopped first, until it can.</li>
 *   <li><b>Pruning.</b> Each edit is undone in turn and stays undone if the level can still be finished, so no
 *       edit in the result is redundant on its own.</li>
 * </ol>
 *
 * <p>Not minimal in general (a greedy step can choose a bridge where a later step block would have served two
 * gaps), but each edit is needed, and a completable map comes back unchanged. Cost: a few hundred layout solves
 * per edit, each well under a millisecond at 200 columns, plus the enemy-aware checks.
 */
public final class PlatformerRepair {

    /**
     * Columns past the furthest reached column where an edit is tried: more than a jump carries over flat ground (9
     * columns for Platformer-v1's jump at full speed, 8 for v0's).
     */
    static final int WINDOW = 12;
    /** Edits the layout step makes at most before giving up. */
    static final int MAX_EDITS = 60;

    /** One changed cell. */
    public record Edit(int x, int y, char from, char to) {
        @Override
        public String toString() {
            return "(" + x + "," + y + ") " + from + "->" + to;
        }
    }

    /** The finishable level and the edits that made it from the input. */
    public record Result(PlatformerLevel level, List<Edit> edits) {
        public Result {
            edits = List.copyOf(edits);
        }
    }

    private final String id;
    private final int width;
    private final int height;
    private final char[] original;
    private final char[] cells;
    private final PlatformerRules rules;
    private final PlatformerSolver solver;
    /** The start column once step 1 is done: no later edit may move the start right of it. */
    private int startX = Integer.MAX_VALUE;

    private PlatformerRepair(String id, int width, int height, char[] cells, PlatformerRules rules) {
        this.rules = rules;
        this.solver = new PlatformerSolver(rules);
        this.id = id;
        this.width = width;
        this.height = height;
        this.original = cells.clone();
        this.cells = cells;
    }

    /** Repairs a level that is already well formed (a finishable one comes back unchanged), under Platformer-v1. */
    public static Result repair(PlatformerLevel level) {
        return repair(level, PlatformerRules.V1);
    }

    /** Repairs a level that is already well formed, for {@code rules}' version. */
    public static Result repair(PlatformerLevel level, PlatformerRules rules) {
        return repair(level.toText(), level.id(), rules);
    }

    /** {@link #repair(String, String, PlatformerRules)} under Platformer-v1's rules. */
    public static Result repair(String text, String id) {
        return repair(text, id, PlatformerRules.V1);
    }

    /**
     * Repairs map text: rows separated by LF or CRLF, all the same length, VGLC characters only, so that a player
     * under {@code rules} can finish it.
     *
     * @throws UserInputException for ragged rows, unknown characters, or a map no edit within the bounds can make
     *                            finishable
     */
    public static Result repair(String text, String id, PlatformerRules rules) {
        String t = text.replace("\r\n", "\n");
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        String[] rows = t.split("\n", -1);
        int h = rows.length;
        int w = rows[0].length();
        if (w < PlatformerLevel.MIN_WIDTH || h < 2) {
            throw new UserInputException("map " + id + " is " + w + "x" + h + "; repair needs at least "
                    + PlatformerLevel.MIN_WIDTH + " columns and 2 rows");
        }
        char[] cells = new char[w * h];
        for (int y = 0; y < h; y++) {
            if (rows[y].length() != w) {
                throw new UserInputException("map " + id + ": rows have different lengths");
            }
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                if (PlatformerTile.fromSymbol(c) == null) {
                    throw new UserInputException("map " + id + ": unknown character '" + c + "' at line " + (y + 1)
                            + ", column " + (x + 1) + "; expected one of " + PlatformerTile.EXPECTED);
                }
                cells[y * w + x] = c;
            }
        }
        return new PlatformerRepair(id, w, h, cells, rules).run();
    }

    private Result run() {
        placeStart();
        PlatformerLevel level = level();
        startX = level.startX();
        PlatformerSolution layout = solver.solve(level);
        for (int edits = 0; !layout.completable(); edits++) {
            if (edits == MAX_EDITS) {
                throw new UserInputException("map " + id + ": no repair within " + MAX_EDITS + " edits (the player "
                        + "still stops at column " + layout.furthestX() + ")");
            }
            layout = advance(layout.furthestX());
        }
        clearEnemies();
        prune();
        List<Edit> edits = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != original[c]) {
                edits.add(new Edit(c % width, c / width, original[c], cells[c]));
            }
        }
        return new Result(level(), edits);
    }

    /** Step 1: a start in column 0 when the map has none anywhere. */
    private void placeStart() {
        if (tryLevel() != null) {
            return;
        }
        int bestY = height - 2;
        int bestCost = Integer.MAX_VALUE;
        for (int y = height - 2; y >= 0; y--) {
            int cost = (get(0, y) == PlatformerTile.EMPTY.symbol() ? 0 : 1) + (solid(get(0, y + 1)) ? 0 : 1);
            if (cost < bestCost) {
                bestCost = cost;
                bestY = y;
            }
        }
        set(0, bestY, PlatformerTile.EMPTY.symbol());
        if (!solid(get(0, bestY + 1))) {
            set(0, bestY + 1, PlatformerTile.GROUND.symbol());
        }
    }

    /** Step 2, once: the best single edit near {@code furthest} (or a two-cell step), applied; the new verdict. */
    private PlatformerSolution advance(int furthest) {
        int bestCell = -1;
        char bestTile = 0;
        PlatformerSolution best = null;
        int from = Math.max(0, furthest - 2);
        int to = Math.min(width - 1, furthest + WINDOW);
        for (int pass = 0; pass < 2; pass++) {
            // Carving first, so that on equal reach a removal (which never blocks another path) wins.
            boolean carving = pass == 0;
            for (int y = 0; y < height; y++) {
                for (int x = from; x <= to; x++) {
                    char was = get(x, y);
                    if (solid(was) != carving) {
                        continue;
                    }
                    char now = carving ? PlatformerTile.EMPTY.symbol() : PlatformerTile.GROUND.symbol();
                    set(x, y, now);
                    PlatformerSolution s = solve();
                    set(x, y, was);
                    if (s != null && better(s, best)) {
                        best = s;
                        bestCell = y * width + x;
                        bestTile = now;
                    }
                }
            }
        }
        if (best != null && (best.completable() || best.furthestX() > furthest)) {
            cells[bestCell] = bestTile;
            return best;
        }
        return step(furthest);
    }

    /** Fallback of step 2: an empty cell on new ground in the column after {@code furthest}, at the best row. */
    private PlatformerSolution step(int furthest) {
        int x = Math.min(width - 1, furthest + 1);
        PlatformerSolution best = null;
        int bestY = -1;
        for (int y = 0; y + 1 < height; y++) {
            char top = get(x, y);
            char under = get(x, y + 1);
            set(x, y, PlatformerTile.EMPTY.symbol());
            set(x, y + 1, PlatformerTile.GROUND.symbol());
            PlatformerSolution s = solve();
            set(x, y, top);
            set(x, y + 1, under);
            if (s != null && better(s, best)) {
                best = s;
                bestY = y;
            }
        }
        if (best == null || !(best.completable() || best.furthestX() > furthest)) {
            throw new UserInputException("map " + id + ": no repair found; the player stops at column " + furthest
                    + " and no edit near it lets it get further");
        }
        set(x, bestY, PlatformerTile.EMPTY.symbol());
        set(x, bestY + 1, PlatformerTile.GROUND.symbol());
        return best;
    }

    private static boolean better(PlatformerSolution s, PlatformerSolution best) {
        if (best == null) {
            return true;
        }
        if (s.completable() != best.completable()) {
            return s.completable();
        }
        return s.completable() ? s.length() < best.length() : s.furthestX() > best.furthestX();
    }

    /** Step 3: enemies removed, nearest to where the enemy-aware run stops first, until it finishes. */
    private void clearEnemies() {
        while (true) {
            PlatformerSolution s = EnemyAwareSolver.of(level(), rules);
            if (s.completable()) {
                return;
            }
            int nearest = -1;
            int nearestDistance = Integer.MAX_VALUE;
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] == PlatformerTile.ENEMY.symbol()) {
                    int d = Math.abs(c % width - s.furthestX());
                    if (d < nearestDistance) {
                        nearestDistance = d;
                        nearest = c;
                    }
                }
            }
            if (nearest < 0) {
                // Nothing left to remove; the layout solver finishes it, so this only happens past the enemy-aware
                // solver's search bounds: report the layout's answer.
                return;
            }
            cells[nearest] = PlatformerTile.EMPTY.symbol();
        }
    }

    /** Step 4: every edit undone in turn, kept undone when the level still finishes from the same start. */
    private void prune() {
        for (int c = cells.length - 1; c >= 0; c--) {
            if (cells[c] == original[c]) {
                continue;
            }
            char now = cells[c];
            cells[c] = original[c];
            PlatformerLevel level = tryLevel();
            if (level == null || !solver.solve(level).completable()
                    || !EnemyAwareSolver.of(level, rules).completable()) {
                cells[c] = now;
            }
        }
    }

    private PlatformerSolution solve() {
        PlatformerLevel level = tryLevel();
        return level == null ? null : solver.solve(level);
    }

    /**
     * The cells as a level, or null when they have no start, or one right of where step 1 left it (an edit that
     * moved the start would skip the designer's opening columns).
     */
    private PlatformerLevel tryLevel() {
        try {
            PlatformerLevel level = level();
            return level.startX() <= startX ? level : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Through the parser, so the level's shape rules (its height among them) are the format's own. */
    private PlatformerLevel level() {
        StringBuilder sb = new StringBuilder((width + 1) * height);
        for (int y = 0; y < height; y++) {
            sb.append(cells, y * width, width).append('\n');
        }
        return PlatformerParser.parse(sb.toString(), id);
    }

    private char get(int x, int y) {
        return cells[y * width + x];
    }

    private void set(int x, int y, char c) {
        cells[y * width + x] = c;
    }

    private static boolean solid(char c) {
        return PlatformerTile.fromSymbol(c).solid();
    }
}
