package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A designer's targets for a Dungeon level, e.g. {@code solutionLength=20..30,enemies=2..4,walls=0.3..0.5}: each
 * measure must fall in its closed range.
 */
public record DungeonTargets(Map<Measure, Range> ranges) implements Targets<DungeonLevel, DungeonTargets.Measure> {

    /** What can be targeted. */
    public enum Measure implements Targets.Measure {
        /** Shortest winning number of moves ({@link DungeonSolver}); an unplayable level has none. */
        SOLUTION_LENGTH("solutionLength", 1),
        /** Enemy tiles ({@code 1 2 3}). */
        ENEMIES("enemies", 1),
        /** Share of wall tiles among the cells inside the border (the border is wall in every repaired level). */
        WALLS("walls", 0.05);

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

    public DungeonTargets {
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
    public static DungeonTargets parse(String spec) {
        return new DungeonTargets(Targets.parse(spec, Measure.class));
    }

    /** The measures of {@code level} that have targets. */
    public Map<Measure, Double> measure(DungeonLevel level, DungeonSolver solver) {
        Map<Measure, Double> values = new EnumMap<>(Measure.class);
        for (Measure m : ranges.keySet()) {
            values.put(m, m.measure(level, solver));
        }
        return values;
    }

    @Override
    public Function<DungeonLevel, Map<Measure, Double>> measurer() {
        DungeonSolver solver = new DungeonSolver();
        return level -> measure(level, solver);
    }

    @Override
    public String toString() {
        return Targets.spec(ranges);
    }
}
