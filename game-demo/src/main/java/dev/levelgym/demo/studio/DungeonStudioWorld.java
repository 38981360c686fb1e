package dev.levelgym.demo.studio;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.search.DungeonTargets;
import dev.levelgym.generators.search.Targets.Range;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Dungeon in the studio: GVGAI zelda tiles, {@link DungeonParser}'s rules, {@link DungeonSolver}'s exact
 * verdict (enemies ignored, as everywhere), {@link DungeonRepair}, and {@code generate}'s Dungeon targets.
 */
public final class DungeonStudioWorld implements StudioWorld {

    /** The studio's limits: GVGAI levels are 13×9 to about 30×13; bigger rooms stay drawable and checkable. */
    static final int MAX_SIDE = 64;

    private static final int[] DX = {0, 0, 0, -1, 1};
    private static final int[] DY = {0, -1, 1, 0, 0};

    private final Object corpusLock = new Object();
    private CorpusMeasures corpus;

    DungeonStudioWorld() {
    }

    @Override
    public String label() {
        return "dungeon";
    }

    @Override
    public String envId() {
        return Dungeon.ID;
    }

    @Override
    public String palette() {
        return TileWorld.DUNGEON.legend();
    }

    @Override
    public String tileName(char tile) {
        return switch (tile) {
            case 'w' -> "wall";
            case '.' -> "floor";
            case 'A' -> "avatar";
            case '+' -> "key";
            case 'g' -> "door";
            case '1' -> "quick monster";
            case '2' -> "monster";
            case '3' -> "slow monster";
            default -> "'" + tile + "'";
        };
    }

    @Override
    public char eraser() {
        return DungeonTile.FLOOR.symbol();
    }

    @Override
    public int defaultWidth() {
        return Dungeon.DEFAULT_WIDTH;
    }

    @Override
    public int defaultHeight() {
        return Dungeon.DEFAULT_HEIGHT;
    }

    @Override
    public void checkSize(int width, int height) {
        if (width < DungeonLevel.MIN_SIZE || height < DungeonLevel.MIN_SIZE || width > MAX_SIDE || height > MAX_SIDE) {
            throw new UserInputException("a Dungeon level in the studio is " + DungeonLevel.MIN_SIZE + "x"
                    + DungeonLevel.MIN_SIZE + " to " + MAX_SIDE + "x" + MAX_SIDE + ", got " + width + "x" + height);
        }
    }

    /** An empty room: a wall border around floor. */
    @Override
    public EditGrid blank(int width, int height) {
        checkSize(width, height);
        EditGrid g = new EditGrid(width, height, DungeonTile.FLOOR.symbol());
        for (int x = 0; x < width; x++) {
            g.set(x, 0, DungeonTile.WALL.symbol());
            g.set(x, height - 1, DungeonTile.WALL.symbol());
        }
        for (int y = 0; y < height; y++) {
            g.set(0, y, DungeonTile.WALL.symbol());
            g.set(width - 1, y, DungeonTile.WALL.symbol());
        }
        return g;
    }

    @Override
    public EditGrid grid(String text, String source) {
        EditGrid g = StudioWorld.readGrid(text, source, palette(), DungeonTile.EXPECTED, MAX_SIDE,
                // Older GVGAI files draw floor as a space; the studio writes it as '.'.
                cp -> cp == ' ' ? '.' : cp);
        checkSize(g.width(), g.height());
        return g;
    }

    /**
     * The grid as a level (id {@code level}).
     *
     * @throws dev.levelgym.envs.grid.LevelFormatException in the parser's words when it is not a well-formed level
     */
    public static DungeonLevel level(EditGrid grid) {
        return DungeonParser.parse(grid.text(), "level");
    }

    @Override
    public LiveCheck check(EditGrid grid, TargetControls targets) {
        DungeonLevel level;
        DungeonSolution solution;
        try {
            level = level(grid);
            solution = new DungeonSolver().shortest(level);
        } catch (LevelFormatException e) {
            return LiveCheck.malformed(LiveCheck.FormatError.at(e.line(), e.column(), e.reason()));
        } catch (UserInputException e) {
            // More doors than the solver's state space takes.
            return LiveCheck.malformed(new LiveCheck.FormatError(-1, -1, e.getMessage()));
        }
        List<LiveCheck.PathStep> path = new ArrayList<>();
        int x = level.avatarCell() % level.width();
        int y = level.avatarCell() / level.width();
        path.add(new LiveCheck.PathStep(x, y, false));
        for (int move : solution.actions()) {
            x += DX[move];
            y += DY[move];
            path.add(new LiveCheck.PathStep(x, y, false));
        }
        LiveCheck.Verdict verdict = new LiveCheck.Verdict(solution.playable(), solution.length(), Double.NaN, 0,
                "DungeonSolver");
        List<LiveCheck.Measure> measures = new ArrayList<>();
        Map<String, Range> active = targets.active();
        Map<DungeonTargets.Measure, Double> values = all().measure(level, new DungeonSolver());
        for (Map.Entry<DungeonTargets.Measure, Double> e : values.entrySet()) {
            String key = e.getKey().key();
            double v = e.getValue();
            Range r = active.get(key);
            measures.add(new LiveCheck.Measure(key, Double.isNaN(v) ? "none" : TargetControls.format(v),
                    Optional.ofNullable(r).map(Range::toString), r != null && v >= r.min() && v <= r.max()));
        }
        corpus().add(level, measures);
        return new LiveCheck(Optional.empty(), Optional.of(verdict), path, measures, false);
    }

    @Override
    public Optional<LiveCheck> refine(EditGrid grid, LiveCheck quick) {
        return Optional.empty();
    }

    @Override
    public EditGrid repair(EditGrid grid) {
        DungeonRepair.Result r = DungeonRepair.repair(grid.text(), "level");
        return grid(r.level().toText(), "repair");
    }

    @Override
    public List<TargetControls.Row> targetRows() {
        return List.of(new TargetControls.Row(DungeonTargets.Measure.SOLUTION_LENGTH.key(), false, 15, 30, 1, 0, 300),
                new TargetControls.Row(DungeonTargets.Measure.ENEMIES.key(), false, 1, 4, 1, 0, 50),
                new TargetControls.Row(DungeonTargets.Measure.WALLS.key(), false, 0.2, 0.5, 0.05, 0, 1));
    }

    @Override
    public Map<String, Range> parseTargets(String spec) {
        Map<String, Range> out = new LinkedHashMap<>();
        DungeonTargets.parse(spec).ranges().forEach((m, r) -> out.put(m.key(), r));
        return out;
    }

    @Override
    public double shortfall(EditGrid grid, TargetControls targets) {
        Map<String, Range> active = targets.active();
        if (active.isEmpty()) {
            return 0;
        }
        DungeonLevel level;
        try {
            level = level(grid);
        } catch (IllegalArgumentException e) {
            return Double.POSITIVE_INFINITY;
        }
        Map<DungeonTargets.Measure, Range> ranges = new EnumMap<>(DungeonTargets.Measure.class);
        for (DungeonTargets.Measure m : DungeonTargets.Measure.values()) {
            if (active.containsKey(m.key())) {
                ranges.put(m, active.get(m.key()));
            }
        }
        DungeonTargets t = new DungeonTargets(ranges);
        return t.shortfall(t.measure(level, new DungeonSolver()));
    }

    /** Every measure, with a range that takes any value: {@link DungeonTargets#measure} then measures them all. */
    private static DungeonTargets all() {
        Map<DungeonTargets.Measure, Range> ranges = new EnumMap<>(DungeonTargets.Measure.class);
        for (DungeonTargets.Measure m : DungeonTargets.Measure.values()) {
            ranges.put(m, new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
        return new DungeonTargets(ranges);
    }

    private CorpusMeasures corpus() {
        synchronized (corpusLock) {
            if (corpus == null) {
                corpus = new CorpusMeasures(DungeonCorpus.levels(), palette());
            }
            return corpus;
        }
    }
}
