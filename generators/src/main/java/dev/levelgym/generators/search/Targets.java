package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A designer's targets for a level of one world: each targeted measure must fall in its closed range. Written as
 * {@code key=MIN..MAX} or {@code key=VALUE} parts separated by commas, e.g. {@code solutionLength=20..30,enemies=2..4}
 * ({@link DungeonTargets}) or {@code jumps=3..6,completion=1} ({@link PlatformerTargets}). A search
 * ({@link LatentSearch}, {@link SeedSearch}) minimises {@link #shortfall} until it is 0.
 *
 * @param <L> the world's level type
 * @param <M> the world's measures
 */
public interface Targets<L, M extends Enum<M> & Targets.Measure> {

    /** Something a target can be set on. */
    interface Measure {

        /** The key in a targets spec, e.g. {@code solutionLength}. */
        String key();

        /** Distances outside a range are counted in these units, so measures of different scales weigh alike. */
        double unit();
    }

    /** A closed interval. */
    record Range(double min, double max) {
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

    Map<M, Range> ranges();

    /**
     * Measures a level's targeted measures. The function keeps its own solver's arrays, so it is not thread-safe:
     * take one per search.
     */
    Function<L, Map<M, Double>> measurer();

    default boolean met(Map<M, Double> values) {
        return ranges().entrySet().stream().allMatch(e -> e.getValue().contains(values.get(e.getKey())));
    }

    /** 0 when every target is met, else 1 + the summed distances outside the ranges in each measure's unit. */
    default double shortfall(Map<M, Double> values) {
        double sum = 0;
        for (Map.Entry<M, Range> e : ranges().entrySet()) {
            sum += e.getValue().gap(values.get(e.getKey())) / e.getKey().unit();
        }
        return sum == 0 ? 0 : 1 + Math.min(sum, 1e6);
    }

    /** e.g. {@code solutionLength=24 enemies=3 walls=0.41}. */
    static String describe(Map<? extends Measure, Double> values) {
        StringJoiner j = new StringJoiner(" ");
        values.forEach((m, v) -> j.add(m.key() + "=" + fmt(v)));
        return j.toString();
    }

    /** The spec form, e.g. {@code jumps=2..5,completion=1..1}, in the measures' order. */
    static <M extends Enum<M> & Measure> String spec(Map<M, Range> ranges) {
        StringJoiner j = new StringJoiner(",");
        new EnumMap<>(ranges).forEach((m, r) -> j.add(m.key() + "=" + r));
        return j.toString();
    }

    /**
     * The ranges of a {@code key=MIN..MAX,key=VALUE} spec over the measures {@code type}.
     *
     * @throws UserInputException naming the bad part and what was expected
     */
    static <M extends Enum<M> & Measure> Map<M, Range> parse(String spec, Class<M> type) {
        StringJoiner known = new StringJoiner(", ");
        for (M m : type.getEnumConstants()) {
            known.add(m.key());
        }
        Map<M, Range> ranges = new EnumMap<>(type);
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw bad(part, "expected key=MIN..MAX");
            }
            String key = part.substring(0, eq).strip();
            M m = null;
            for (M candidate : type.getEnumConstants()) {
                m = candidate.key().equals(key) ? candidate : m;
            }
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

    private static UserInputException bad(String part, String why) {
        return new UserInputException("bad target '" + part + "': " + why);
    }

    /** A whole number as such, else two decimals. */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
