package dev.levelgym.benchmarks;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.random.Pcg64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Platformer costs, for each version ({@code -p version=Platformer-v1} or {@code Platformer-v0}): one env step with
 * random actions (as {@code make()} returns the env: 100-column procedural levels, a new one at every reset, resets
 * included); solving a 200-column level (levels generated in set-up, cycled), by its layout and with its enemies
 * ({@link EnemyAwareSolver#of(PlatformerLevel, PlatformerRules)}, which solves the layout first); and one 100-column
 * procedural level generated, which includes solving each candidate. Each version solves and generates its own
 * levels (v0's generator checks candidates with v0's solver).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlatformerBenchmark {

    private static final int SOLVE_WIDTH = 200;

    @Param({Platformer.ID, Platformer.ID_V0})
    public String version;

    private final int[] actions = new int[1 << 16];
    private PlatformerRules rules;
    private PlatformerLevels generator;
    private PlatformerSolver solver;
    private final PlatformerLevel[] levels = new PlatformerLevel[64];
    private Env<float[], Integer> env;
    private int next;
    private int nextLevel;
    private long seed;

    @Setup
    public void setUp() {
        rules = Platformer.rulesOf(version);
        generator = new PlatformerLevels(rules);
        solver = new PlatformerSolver(rules);
        Pcg64 random = Pcg64.seeded(0);
        for (int i = 0; i < actions.length; i++) {
            actions[i] = random.nextInt(6);
        }
        for (int i = 0; i < levels.length; i++) {
            levels[i] = generator.generate(1_000_000 + i, SOLVE_WIDTH);
        }
        env = (version.equals(Platformer.ID) ? Platformer.SPEC : Platformer.SPEC_V0).make();
        env.reset(0);
    }

    @Benchmark
    public StepResult<float[]> step() {
        StepResult<float[]> step = env.step(actions[next++ & (actions.length - 1)]);
        if (step.done()) {
            env.reset();
        }
        return step;
    }

    @Benchmark
    public PlatformerSolution solve200Columns() {
        return solver.solve(levels[nextLevel++ & (levels.length - 1)]);
    }

    @Benchmark
    public PlatformerSolution solve200ColumnsWithEnemies() {
        return EnemyAwareSolver.of(levels[nextLevel++ & (levels.length - 1)], rules);
    }

    @Benchmark
    public PlatformerLevel generate() {
        return generator.generate(seed++, Platformer.DEFAULT_WIDTH);
    }
}
