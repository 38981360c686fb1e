package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A designer's targets for a level, e.g. {@code solutionLength=20..30,enemies=2..4,walls=0.3..0.5}: each measure
 * must fall in its closed range.
 */
public record DungeonTargets(Map<Measure, Range> ranges) {

    /** What can be targeted. */
    public enum Measure {
        /** Shortest winning number of moves ({@link DungeonSolver}); an unplayable level has none. */
        SOLUTION_LENGTH("solutionLength", 1),
        /** Enemy tiles ({@code 1 2 3}). */
        ENEMIES("enemies", 1),
        /** Share of wall tiles among the cells inside the border (the border is wall in every repaired level). */
        WALLS("walls", 0.05);

        private final String key;
        /** Distances outside a range are counted in these units, so measures of different scales weigh alike. */
        private final double unit;

        Measure(String key, double unit) {
            this.key = key;
            this.unit = unit;
        }

        public String key() {
            return key;
        }

        static Measure of(String key) {
            for (Measure m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }

        double measure(DungeonLevel level, DungeonSolver solver) {
            return switch (this) {
                case SOLUTION_LENGTH -> {
                    var s = solver.shortest(level);
                    yield s.playable() ? s.length() : Double.NaN;
                }
                case ENEMIES -> {
                    int n = 0;
                    for (int c = 0; c < level.cellCount(); c++) {
                        n += level.tile(c).isEnemy() ? 1 : 0;
                    }
                    yield n;
                }
                case WALLS -> {
                    int walls = 0;
                    int cells = 0;
                    for (int y = 1; y < level.height() - 1; y++) {
                        for (int x = 1; x < level.width() - 1; x++) {
                            cells++;
                            walls += level.tile(x, y) == DungeonTile.WALL ? 1 : 0;
                        }
                    }
                    yield cells == 0 ? 0 : (double) walls / cells;
                }
            };
        }
    }

    /** A closed interval. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new UserInputException("empty range " + min + ".." + max);
            }
        }

        boolean contains(double v) {
            return v >= min && v <= max;
        }

        /** How far outside the range, 0 inside; infinite for NaN. */
        double gap(double v) {
            if (Double.isNaN(v)) {
                return Double.POSITIVE_INFINITY;
            }
            return v < min ? min - v : v > max ? v - max : 0;
        }

        @Override
        public String toString() {
            return fmt(min) + ".." + fmt(max);
        }
    }

    public DungeonTargets {
        ranges = Map.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new UserInputException("no targets");
        }
    }

    /**
     * Parses {@code key=MIN..MAX} or {@code key=VALUE} parts separated by commas.
     *
     * @throws IllegalArgumentException naming the bad part and what was expected
     */
    public static DungeonTargets parse(String spec) {
        StringJoiner known = new StringJoiner(", ");
        for (Measure k : Measure.values()) {
            known.add(k.key);
        }
        return new DungeonTargets(parseRanges(spec, Measure.class, Measure::of, known.toString()));
    }

    /**
     * The ranges of a {@code key=MIN..MAX,key=VALUE} spec, keys looked up with {@code measureOf} (null: unknown).
     *
     * @throws IllegalArgumentException naming the bad part and what was expected
     */
    static <M extends Enum<M>> Map<M, Range> parseRanges(String spec, Class<M> type, Function<String, M> measureOf,
                                                          String known) {
        Map<M, Range> ranges = new EnumMap<>(type);
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw bad(part, "expected key=MIN..MAX");
            }
            String key = part.substring(0, eq).strip();
            M m = measureOf.apply(key);
            if (m == null) {
                throw bad(part, "unknown measure '" + key + "'; known: " + known);
            }
            if (ranges.containsKey(m)) {
                throw bad(part, "'" + key + "' is given twice");
            }
            String value = part.substring(eq + 1).strip();
            int dots = value.indexOf("..");
            try {
                double lo = Double.parseDouble(dots < 0 ? value : value.substring(0, dots).strip());
                double hi = Double.parseDouble(dots < 0 ? value : value.substring(dots + 2).strip());
                if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                    throw new NumberFormatException();
                }
                if (lo > hi) {
                    throw bad(part, "the minimum is above the maximum");
                }
                ranges.put(m, new Range(lo, hi));
            } catch (NumberFormatException e) {
                throw bad(part, "expected numbers as MIN..MAX or VALUE");
            }
        }
        return ranges;
    }

    private static IllegalArgumentException bad(String part, String why) {
        return new UserInputException("bad target '" + part + "': " + why);
    }

    /** The measures of {@code level} that have targets. */
    public Map<Measure, Double> measure(DungeonLevel level, DungeonSolver solver) {
        Map<Measure, Double> values = new EnumMap<>(Measure.class);
        for (Measure m : ranges.keySet()) {
            values.put(m, m.measure(level, solver));
        }
        return values;
    }

    public boolean met(Map<Measure, Double> values) {
        return ranges.entrySet().stream().allMatch(e -> e.getValue().contains(values.get(e.getKey())));
    }

    /** 0 when every target is met, else 1 + the summed distances outside the ranges in each measure's unit. */
    public double shortfall(Map<Measure, Double> values) {
        double sum = 0;
        for (Map.Entry<Measure, Range> e : ranges.entrySet()) {
            sum += e.getValue().gap(values.get(e.getKey())) / e.getKey().unit;
        }
        return sum == 0 ? 0 : 1 + Math.min(sum, 1e6);
    }

    /** e.g. {@code solutionLength=24 enemies=3 walls=0.41}. */
    public static String describe(Map<Measure, Double> values) {
        StringJoiner j = new StringJoiner(" ");
        values.forEach((m, v) -> j.add(m.key + "=" + fmt(v)));
        return j.toString();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        new EnumMap<>(ranges).forEach((m, r) -> j.add(m.key + "=" + r));
        return j.toString();
    }
}
