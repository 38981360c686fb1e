package dev.levelgym.demo.studio;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.PlatformerGame;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.PlatformerRepair;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.search.Targets.Range;
import dev.levelgym.generators.search.PlatformerTargets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platformer in the studio: VGLC Super Mario Bros tiles, {@link PlatformerParser}'s rules (its row count
 * included, so the studio follows the format as the parser defines it), the layout solver's verdict at once and
 * {@link EnemyAwareSolver}'s (the one {@code level evaluate} and the demo report) as the refined one, the jumps of
 * the run drawn, {@link PlatformerRepair}, and {@code generate}'s platformer targets. Every verdict, path, repair
 * and play-test is under one version's {@link PlatformerRules}, the ones the env of {@link #envId()} plays:
 * Platformer-v1's ({@link StudioWorld#PLATFORMER}) or v0's ({@link StudioWorld#PLATFORMER_V0}).
 */
public final class PlatformerStudioWorld implements StudioWorld {

    static final int MAX_WIDTH = 1000;
    static final int MIN_HEIGHT = 3;
    static final int MAX_HEIGHT = 32;
    /** A new level: a short run of ground, as wide as a stretch of a Super Mario Bros level the designer extends. */
    static final int DEFAULT_WIDTH = 60;
    /** Rows of ground under a new level. */
    static final int GROUND_ROWS = 2;

    private final PlatformerRules rules;
    private final Object corpusLock = new Object();
    private CorpusMeasures corpus;

    PlatformerStudioWorld(PlatformerRules rules) {
        this.rules = rules;
    }

    /** {@code platformer} for Platformer-v1, {@code platformer-v0} for v0. */
    @Override
    public String label() {
        return rules.version() == 1 ? "platformer" : "platformer-v" + rules.version();
    }

    @Override
    public String envId() {
        return Platformer.idOf(rules);
    }

    /** The rules the env of {@link #envId()} plays, which the solvers, repair and planner follow. */
    public PlatformerRules rules() {
        return rules;
    }

    @Override
    public String palette() {
        return TileWorld.PLATFORMER.legend();
    }

    @Override
    public String tileName(char tile) {
        return switch (tile) {
            case 'X' -> "ground";
            case 'S' -> "brick";
            case '-' -> "sky";
            case '?' -> "? block";
            case 'Q' -> "used block";
            case 'E' -> "enemy";
            case '<' -> "pipe top left";
            case '>' -> "pipe top right";
            case '[' -> "pipe left";
            case ']' -> "pipe right";
            case 'o' -> "coin";
            case 'B' -> "cannon top";
            case 'b' -> "cannon";
            default -> "'" + tile + "'";
        };
    }

    @Override
    public char eraser() {
        return PlatformerTile.EMPTY.symbol();
    }

    @Override
    public int defaultWidth() {
        return DEFAULT_WIDTH;
    }

    /** The format's usual height (VGLC's Super Mario Bros levels). */
    @Override
    public int defaultHeight() {
        return PlatformerLevel.HEIGHT;
    }

    @Override
    public void checkSize(int width, int height) {
        if (width < PlatformerLevel.MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) {
            throw new UserInputException("a platformer level in the studio is " + PlatformerLevel.MIN_WIDTH + " to "
                    + MAX_WIDTH + " columns and " + MIN_HEIGHT + " to " + MAX_HEIGHT + " rows, got " + width + "x"
                    + height);
        }
    }

    /** Flat ground under sky: the start is on the left, and the level can be run to the right edge at once. */
    @Override
    public EditGrid blank(int width, int height) {
        checkSize(width, height);
        EditGrid g = new EditGrid(width, height, PlatformerTile.EMPTY.symbol());
        for (int y = height - GROUND_ROWS; y < height; y++) {
            for (int x = 0; x < width; x++) {
                g.set(x, y, PlatformerTile.GROUND.symbol());
            }
        }
        return g;
    }

    @Override
    public EditGrid grid(String text, String source) {
        EditGrid g = StudioWorld.readGrid(text, source, palette(), PlatformerTile.EXPECTED, MAX_HEIGHT, cp -> cp);
        checkSize(g.width(), g.height());
        return g;
    }

    /**
     * The grid as a level (id {@code level}).
     *
     * @throws dev.levelgym.envs.grid.LevelFormatException in the parser's words when it is not a well-formed level
     */
    public static PlatformerLevel level(EditGrid grid) {
        return PlatformerParser.parse(grid.text(), "level");
    }

    @Override
    public LiveCheck check(EditGrid grid, TargetControls targets) {
        PlatformerLevel level;
        try {
            level = level(grid);
        } catch (LevelFormatException e) {
            return LiveCheck.malformed(LiveCheck.FormatError.at(e.line(), e.column(), e.reason()));
        }
        PlatformerSolver solver = new PlatformerSolver(rules);
        PlatformerSolution layout = solver.solve(level);
        // EnemyAwareSolver answers the layout's verdict itself when there is nothing for enemies to change.
        boolean pending = layout.completable() && level.count(PlatformerTile.ENEMY) > 0;
        LiveCheck.Verdict verdict = verdict(layout, pending ? "layout solver; checking the enemies" : "layout solver");
        List<LiveCheck.Measure> measures = new ArrayList<>();
        Map<String, Range> active = targets.active();
        for (Map.Entry<PlatformerTargets.Measure, Double> e : all().measure(level, solver).entrySet()) {
            String key = e.getKey().key();
            double v = e.getValue();
            Range r = active.get(key);
            measures.add(new LiveCheck.Measure(key, TargetControls.format(v), Optional.ofNullable(r).map(Range::toString),
                    r != null && v >= r.min() && v <= r.max()));
        }
        corpus().add(level, measures);
        return new LiveCheck(Optional.empty(), Optional.of(verdict), layoutPath(level, layout), measures, pending);
    }

    private static LiveCheck.Verdict verdict(PlatformerSolution s, String solver) {
        return new LiveCheck.Verdict(s.completable(), s.completable() ? s.length() : -1, s.completion(), s.jumps(),
                solver);
    }

    /** The layout solver's run, stepped with the rules from the start (a solver's run replays tick for tick). */
    private List<LiveCheck.PathStep> layoutPath(PlatformerLevel level, PlatformerSolution s) {
        List<LiveCheck.PathStep> path = new ArrayList<>();
        long state = rules.start(level);
        path.add(new LiveCheck.PathStep(position(state), PlatformerRules.y(state), false));
        for (int a : s.actions()) {
            long step = rules.step(level, state, a);
            if (PlatformerRules.dead(step)) {
                break;
            }
            state = PlatformerRules.withoutFlags(step);
            path.add(new LiveCheck.PathStep(position(state), PlatformerRules.y(state), PlatformerRules.jumped(step)));
        }
        return path;
    }

    /** The player's column with its fraction (v1 moves in thirds of a column). */
    private double position(long state) {
        return (double) PlatformerRules.xs(state) / rules.subcolumns();
    }

    /**
     * {@link EnemyAwareSolver}'s verdict, its run replayed through the env (stomps bounce the player, which the
     * bare rules do not know) for the path.
     */
    @Override
    public Optional<LiveCheck> refine(EditGrid grid, LiveCheck quick) {
        if (!quick.pending()) {
            return Optional.empty();
        }
        PlatformerLevel level = level(grid);
        PlatformerSolution s = EnemyAwareSolver.of(level, rules);
        Platformer env = Platformer.of(level, rules);
        env.reset(0);
        PlatformerGame g = env.game();
        List<LiveCheck.PathStep> path = new ArrayList<>();
        path.add(new LiveCheck.PathStep(g.playerPosition(), g.playerY(), false));
        for (int a : s.actions()) {
            boolean takeOff = PlatformerRules.jumped(rules.step(level, g.playerState(), a));
            env.step(a);
            if (g.playerY() < 0 || g.playerY() >= level.height()) {
                break;
            }
            path.add(new LiveCheck.PathStep(g.playerPosition(), g.playerY(), takeOff));
            if (g.result() != Outcome.RUNNING) {
                break;
            }
        }
        return Optional.of(new LiveCheck(quick.error(), Optional.of(verdict(s, "enemy-aware solver")), path,
                quick.measures(), false));
    }

    @Override
    public EditGrid repair(EditGrid grid) {
        return grid(PlatformerRepair.repair(grid.text(), "level", rules).level().toText(), "repair");
    }

    @Override
    public List<TargetControls.Row> targetRows() {
        return List.of(new TargetControls.Row(PlatformerTargets.Measure.JUMPS.key(), false, 3, 8, 1, 0, 200),
                new TargetControls.Row(PlatformerTargets.Measure.ENEMIES.key(), false, 1, 6, 1, 0, 100),
                new TargetControls.Row(PlatformerTargets.Measure.COMPLETION.key(), false, 1, 1, 0.05, 0, 1));
    }

    @Override
    public Map<String, Range> parseTargets(String spec) {
        Map<String, Range> out = new LinkedHashMap<>();
        PlatformerTargets.parse(spec).ranges().forEach((m, r) -> out.put(m.key(), r));
        return out;
    }

    @Override
    public double shortfall(EditGrid grid, TargetControls targets) {
        Map<String, Range> active = targets.active();
        if (active.isEmpty()) {
            return 0;
        }
        PlatformerLevel level;
        try {
            level = level(grid);
        } catch (IllegalArgumentException e) {
            return Double.POSITIVE_INFINITY;
        }
        Map<PlatformerTargets.Measure, Range> ranges = new EnumMap<>(PlatformerTargets.Measure.class);
        for (PlatformerTargets.Measure m : PlatformerTargets.Measure.values()) {
            if (active.containsKey(m.key())) {
                ranges.put(m, active.get(m.key()));
            }
        }
        PlatformerTargets t = new PlatformerTargets(ranges);
        return t.shortfall(t.measure(level, new PlatformerSolver(rules)));
    }

    private static PlatformerTargets all() {
        Map<PlatformerTargets.Measure, Range> ranges = new EnumMap<>(PlatformerTargets.Measure.class);
        for (PlatformerTargets.Measure m : PlatformerTargets.Measure.values()) {
            ranges.put(m, new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
        return new PlatformerTargets(ranges);
    }

    private CorpusMeasures corpus() {
        synchronized (corpusLock) {
            if (corpus == null) {
                corpus = new CorpusMeasures(PlatformerCorpus.levels(), palette());
            }
            return corpus;
        }
    }
}
