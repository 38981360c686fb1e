package dev.levelgym.benchmarks;

import dev.levelgym.demo.studio.EditGrid;
import dev.levelgym.demo.studio.LiveCheck;
import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.demo.studio.TargetControls;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.generators.DungeonCorpus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The level studio's live check after an edit (issue 18's targets: 16 ms for a 13×9 Dungeon level, 50 ms for a
 * 200-column platformer level): one cell painted, then {@link StudioWorld#check} as the studio runs it on the
 * render thread (parse, solver, path, every target measure and the corpus measures), all targets switched on.
 * Levels are cycled: the 41 bundled 13×9 Dungeon levels, and 32 procedural 200-column platformer levels (with their
 * enemies). The platformer's enemy-aware verdict, which the studio computes on its background thread, is measured
 * apart ({@link #platformerEnemyAwareVerdict}), as are the repairs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StudioLiveCheckBenchmark {

    private static final int PLATFORMER_WIDTH = 200;

    private EditGrid[] dungeon;
    private EditGrid[] platformer;
    private TargetControls dungeonTargets;
    private TargetControls platformerTargets;
    private int next;

    @Setup
    public void setUp() {
        List<DungeonLevel> corpus = DungeonCorpus.levels();
        dungeon = new EditGrid[corpus.size()];
        for (int i = 0; i < dungeon.length; i++) {
            dungeon[i] = StudioWorld.DUNGEON.grid(corpus.get(i).toText(), corpus.get(i).id());
        }
        PlatformerLevels generator = new PlatformerLevels();
        platformer = new EditGrid[32];
        for (int i = 0; i < platformer.length; i++) {
            platformer[i] = StudioWorld.PLATFORMER.grid(generator.generate(2_000_000 + i, PLATFORMER_WIDTH).toText(),
                    "p" + i);
        }
        dungeonTargets = allOn(StudioWorld.DUNGEON);
        platformerTargets = allOn(StudioWorld.PLATFORMER);
    }

    private static TargetControls allOn(StudioWorld world) {
        TargetControls t = new TargetControls(world.targetRows());
        for (int i = 0; i < t.rows().size(); i++) {
            t.select(i);
            t.toggle();
        }
        return t;
    }

    /** Paints a floor cell of the room as a wall or back (an edit the solver must re-plan around), then checks. */
    @Benchmark
    public LiveCheck dungeon13x9EditAndCheck() {
        EditGrid g = dungeon[next++ % dungeon.length];
        int x = 1 + next % (g.width() - 2);
        int y = 1 + next / 3 % (g.height() - 2);
        char c = g.get(x, y);
        if (c == '.' || c == 'w') {
            g.set(x, y, c == '.' ? 'w' : '.');
        }
        return StudioWorld.DUNGEON.check(g, dungeonTargets);
    }

    /** Puts a brick in the sky or takes it away, then checks (layout verdict, path, measures). */
    @Benchmark
    public LiveCheck platformer200EditAndCheck() {
        EditGrid g = platformer[next++ % platformer.length];
        int x = 5 + next * 7 % (g.width() - 10);
        int y = 4 + next % 5;
        char c = g.get(x, y);
        if (c == '-' || c == 'S') {
            g.set(x, y, c == '-' ? 'S' : '-');
        }
        return StudioWorld.PLATFORMER.check(g, platformerTargets);
    }

    /** The background part: the enemy-aware verdict and its run replayed for the path. */
    @Benchmark
    public Optional<LiveCheck> platformerEnemyAwareVerdict() {
        EditGrid g = platformer[next++ % platformer.length];
        LiveCheck quick = StudioWorld.PLATFORMER.check(g, platformerTargets);
        return StudioWorld.PLATFORMER.refine(g, quick);
    }

    @Benchmark
    public EditGrid dungeonRepairOfAWalledInAvatar() {
        EditGrid g = dungeon[next++ % dungeon.length].copy();
        int a = -1;
        for (int c = 0; c < g.cellCount() && a < 0; c++) {
            a = g.get(c) == 'A' ? c : -1;
        }
        int ax = a % g.width();
        int ay = a / g.width();
        int[][] around = {{0, -1}, {0, 1}, {-1, 0}, {1, 0}};
        for (int[] d : around) {
            if (g.inside(ax + d[0], ay + d[1])) {
                g.set(ax + d[0], ay + d[1], 'w');
            }
        }
        return StudioWorld.DUNGEON.repair(g);
    }
}
