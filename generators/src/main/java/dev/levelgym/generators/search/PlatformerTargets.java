package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A designer's targets for a platformer level, e.g. {@code jumps=3..6,completion=1}: each measure must fall in its
 * closed range (the same spec syntax as {@link DungeonTargets}).
 */
public record PlatformerTargets(Map<PlatformerTargets.Measure, Range> ranges)
        implements Targets<PlatformerLevel, PlatformerTargets.Measure> {

    /** What can be targeted. */
    public enum Measure implements Targets.Measure {
        /** Jumps in the solver's shortest run ({@link PlatformerSolution#jumps()}); counted on a failed run too. */
        JUMPS("jumps", 1),
        /** Enemy tiles ({@code E}). */
        ENEMIES("enemies", 1),
        /** The solver's completion, 0..1 (1: completable). */
        COMPLETION("completion", 0.05);

        private final String key;
        private final double unit;

        Measure(String key, double unit) {
            this.key = key;
            this.unit = unit;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public double unit() {
            return unit;
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
     * @throws UserInputException naming the bad part and what was expected
     */
    public static PlatformerTargets parse(String spec) {
        return new PlatformerTargets(Targets.parse(spec, Measure.class));
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

    @Override
    public Function<PlatformerLevel, Map<Measure, Double>> measurer() {
        PlatformerSolver solver = new PlatformerSolver();
        return level -> measure(level, solver);
    }

    @Override
    public String toString() {
        return Targets.spec(ranges);
    }
}
