package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Expressive range (Smith &amp; Whitehead 2010, "Analyzing the Expressive Range of a Level Generator"): two measures
 * of every level of a set, binned into a 2-D histogram, so that a generator's set and its reference set can be put
 * side by side and one sees which parts of the designers' range the generator covers. Each world names its pairs
 * of measures ({@link TileWorld#expressiveRange()}):
 *
 * <ul>
 *   <li>Dungeon-v0: <b>solution length</b> (the solver's shortest win, moves) × <b>enemies</b> (enemy tiles), and
 *       <b>wall density</b> (share of wall among the cells inside the border) × <b>linearity</b>: the Manhattan
 *       length of the avatar → key → door route divided by the solver's shortest solution, in (0, 1]: 1 when the
 *       winning run walks straight at the key and then at the door, lower the more walls make it wind (turns in
 *       place count as moves, so even an open room scores a little below 1). Unplayable levels have no solution
 *       and are counted apart, not plotted.</li>
 *   <li>Platformer: <b>leniency</b> = 1 − (enemies + gap columns) / columns (a gap column has no solid tile in the
 *       bottom row; Smith &amp; Whitehead weigh the hazards a player can die of), <b>linearity</b> = 1 − the mean
 *       absolute distance, in rows, between each column's surface (its topmost solid tile, or the floor for a gap)
 *       and the least-squares line through the surfaces, over the level's height (1: the ground is a straight
 *       slope), and <b>density</b> = share of solid cells.</li>
 * </ul>
 */
public final class ExpressiveRange {

    private ExpressiveRange() {
    }

    /**
     * One measure: its name, the range its bins cover and how many; values past either end go to the end bins, a
     * NaN (no value, e.g. an unplayable level's solution length) keeps the level out of the histogram.
     */
    public record Axis<L>(String name, double min, double max, int bins, ToDoubleFunction<L> measure) {

        /** The bin of {@code v}, clamped into {@code 0..bins-1}; -1 for NaN. */
        public int bin(double v) {
            if (Double.isNaN(v)) {
                return -1;
            }
            int b = (int) Math.floor((v - min) / (max - min) * bins);
            return Math.max(0, Math.min(bins - 1, b));
        }
    }

    /** Two measures plotted against each other. */
    public record Axes<L>(Axis<L> x, Axis<L> y) {
    }

    /**
     * The binned counts of a set: {@code counts[y][x]} levels fell in bin x of the x axis and bin y of the y axis;
     * {@code unmeasured} had no value on one axis.
     */
    public record Histogram(String xName, String yName, long[][] counts, int levels, int unmeasured) {

        /** The highest share of the set in one bin (0 if nothing was plotted). */
        public double maxShare() {
            long max = 0;
            for (long[] row : counts) {
                for (long c : row) {
                    max = Math.max(max, c);
                }
            }
            return levels == 0 ? 0 : (double) max / levels;
        }
    }

    /** One pair of measures for both sets. */
    public record Panel(Axes<?> axes, Histogram generated, Histogram reference) {
    }

    /** The histogram of {@code levels} over {@code axes}. */
    public static <L> Histogram histogram(Axes<L> axes, List<? extends L> levels) {
        long[][] counts = new long[axes.y().bins()][axes.x().bins()];
        int unmeasured = 0;
        for (L l : levels) {
            int x = axes.x().bin(axes.x().measure().applyAsDouble(l));
            int y = axes.y().bin(axes.y().measure().applyAsDouble(l));
            if (x < 0 || y < 0) {
                unmeasured++;
            } else {
                counts[y][x]++;
            }
        }
        return new Histogram(axes.x().name(), axes.y().name(), counts, levels.size(), unmeasured);
    }

    /** Every pair of {@code world}'s measures for the generated levels and the reference. */
    public static <L extends TileGrid> List<Panel> panels(TileWorld<L> world, List<? extends L> levels,
                                                          List<? extends L> reference) {
        List<Panel> panels = new ArrayList<>();
        for (Axes<L> axes : world.expressiveRange()) {
            panels.add(new Panel(axes, histogram(axes, levels), histogram(axes, reference)));
        }
        return panels;
    }

    // --- Dungeon-v0 ---------------------------------------------------------------------------------------------

    static List<Axes<DungeonLevel>> dungeon() {
        Axis<DungeonLevel> length = new Axis<>("solution length (moves)", 0, 64, 16,
                l -> {
                    DungeonSolution s = solve(l);
                    return s.playable() ? s.length() : Double.NaN;
                });
        Axis<DungeonLevel> enemies = new Axis<>("enemies", 0, 8, 8, ExpressiveRange::enemies);
        Axis<DungeonLevel> walls = new Axis<>("wall density", 0, 1, 10, ExpressiveRange::wallDensity);
        Axis<DungeonLevel> linearity = new Axis<>("linearity", 0, 1, 10, ExpressiveRange::linearity);
        return List.of(new Axes<>(length, enemies), new Axes<>(walls, linearity));
    }

    private static DungeonSolution solve(DungeonLevel level) {
        return DungeonSolver.solve(level);
    }

    static double enemies(DungeonLevel level) {
        int n = 0;
        for (int c = 0; c < level.cellCount(); c++) {
            n += level.tile(c).isEnemy() ? 1 : 0;
        }
        return n;
    }

    static double wallDensity(DungeonLevel level) {
        int walls = 0;
        int cells = 0;
        for (int y = 1; y < level.height() - 1; y++) {
            for (int x = 1; x < level.width() - 1; x++) {
                walls += level.tile(x, y) == DungeonTile.WALL ? 1 : 0;
                cells++;
            }
        }
        return cells == 0 ? Double.NaN : (double) walls / cells;
    }

    /** Manhattan length of avatar → key → door over the shortest solution's length; NaN if unplayable. */
    static double linearity(DungeonLevel level) {
        DungeonSolution s = solve(level);
        if (!s.playable() || s.length() == 0) {
            return Double.NaN;
        }
        int avatar = level.avatarCell();
        int key = find(level, DungeonTile.KEY);
        int door = find(level, DungeonTile.DOOR);
        return Math.min(1, (double) (manhattan(level, avatar, key) + manhattan(level, key, door)) / s.length());
    }

    private static int find(DungeonLevel level, DungeonTile tile) {
        for (int c = 0; c < level.cellCount(); c++) {
            if (level.tile(c) == tile) {
                return c;
            }
        }
        throw new IllegalArgumentException(level.id() + " has no " + tile);
    }

    private static int manhattan(DungeonLevel level, int a, int b) {
        int w = level.width();
        return Math.abs(a % w - b % w) + Math.abs(a / w - b / w);
    }

    // --- Platformer ---------------------------------------------------------------------------------------------

    static List<Axes<PlatformerLevel>> platformer() {
        Axis<PlatformerLevel> leniency = new Axis<>("leniency", 0, 1, 10, ExpressiveRange::leniency);
        Axis<PlatformerLevel> linearity = new Axis<>("linearity", 0.6, 1, 8, ExpressiveRange::platformLinearity);
        Axis<PlatformerLevel> density = new Axis<>("density", 0, 0.5, 10, ExpressiveRange::density);
        return List.of(new Axes<>(leniency, linearity), new Axes<>(density, linearity));
    }

    private static PlatformerTile tile(TileGrid level, int x, int y) {
        return PlatformerTile.fromSymbol(level.symbol(x, y));
    }

    public static double leniency(PlatformerLevel level) {
        int hazards = 0;
        for (int x = 0; x < level.width(); x++) {
            hazards += tile(level, x, level.height() - 1).solid() ? 0 : 1;
            for (int y = 0; y < level.height(); y++) {
                hazards += tile(level, x, y) == PlatformerTile.ENEMY ? 1 : 0;
            }
        }
        return Math.max(0, 1 - (double) hazards / level.width());
    }

    public static double platformLinearity(PlatformerLevel level) {
        int w = level.width();
        int h = level.height();
        double[] surface = new double[w];
        for (int x = 0; x < w; x++) {
            int top = 0; // a gap: the floor
            for (int y = 0; y < h; y++) {
                if (tile(level, x, y).solid()) {
                    top = h - y;
                    break;
                }
            }
            surface[x] = top;
        }
        double mx = (w - 1) / 2.0;
        double my = 0;
        for (double s : surface) {
            my += s / w;
        }
        double sxy = 0;
        double sxx = 0;
        for (int x = 0; x < w; x++) {
            sxy += (x - mx) * (surface[x] - my);
            sxx += (x - mx) * (x - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double residual = 0;
        for (int x = 0; x < w; x++) {
            residual += Math.abs(surface[x] - (my + slope * (x - mx)));
        }
        return 1 - residual / w / h;
    }

    public static double density(PlatformerLevel level) {
        int solid = 0;
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                solid += tile(level, x, y).solid() ? 1 : 0;
            }
        }
        return (double) solid / (level.width() * level.height());
    }
}
