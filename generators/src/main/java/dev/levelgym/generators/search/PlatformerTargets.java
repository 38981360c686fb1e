package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A designer's targets for a platformer level, e.g. {@code jumps=3..6,completion=1}: each measure must fall in its
 * closed range (the same spec syntax as {@link DungeonTargets}).
 */
public record PlatformerTargets(Map<PlatformerTargets.Measure, DungeonTargets.Range> ranges) {

    /** What can be targeted. */
    public enum Measure {
        /** Jumps in the solver's shortest run ({@link PlatformerSolution#jumps()}); counted on a failed run too. */
        JUMPS("jumps", 1),
        /** Enemy tiles ({@code E}). */
        ENEMIES("enemies", 1),
        /** The solver's completion, 0..1 (1: completable). */
        COMPLETION("completion", 0.05);

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
    }

    public PlatformerTargets {
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
    public static PlatformerTargets parse(String spec) {
        StringJoiner known = new StringJoiner(", ");
        for (Measure k : Measure.values()) {
            known.add(k.key);
        }
        return new PlatformerTargets(DungeonTargets.parseRanges(spec, Measure.class, Measure::of, known.toString()));
    }

    /** The measures of {@code level} that have targets (one solver run for all of them). */
    public Map<Measure, Double> measure(PlatformerLevel level, PlatformerSolver solver) {
        PlatformerSolution s = solver.solve(level);
        Map<Measure, Double> values = new EnumMap<>(Measure.class);
        for (Measure m : ranges.keySet()) {
            values.put(m, switch (m) {
                case JUMPS -> (double) s.jumps();
                case ENEMIES -> (double) level.count(PlatformerTile.ENEMY);
                case COMPLETION -> s.completion();
            });
        }
        return values;
    }

    public boolean met(Map<Measure, Double> values) {
        return ranges.entrySet().stream().allMatch(e -> e.getValue().contains(values.get(e.getKey())));
    }

    /** 0 when every target is met, else 1 + the summed distances outside the ranges in each measure's unit. */
    public double shortfall(Map<Measure, Double> values) {
        double sum = 0;
        for (Map.Entry<Measure, DungeonTargets.Range> e : ranges.entrySet()) {
            sum += e.getValue().gap(values.get(e.getKey())) / e.getKey().unit;
        }
        return sum == 0 ? 0 : 1 + Math.min(sum, 1e6);
    }

    /** e.g. {@code jumps=4 completion=1}. */
    public static String describe(Map<Measure, Double> values) {
        StringJoiner j = new StringJoiner(" ");
        values.forEach((m, v) -> j.add(m.key + "=" + DungeonTargets.fmt(v)));
        return j.toString();
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        new EnumMap<>(ranges).forEach((m, r) -> j.add(m.key + "=" + r));
        return j.toString();
    }
}
