package dev.levelgym.benchmarks;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonLevels;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.random.Pcg64;
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
 * Dungeon-v0 costs: one env step with random actions (as {@code make()} returns the env, a new procedural level
 * at every reset, resets included), and one procedural level generated and then solved for its solution length.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DungeonBenchmark {

    private final int[] actions = new int[1 << 16];
    private final DungeonLevels generator = new DungeonLevels();
    private final DungeonSolver solver = new DungeonSolver();
    private Env<float[], Integer> env;
    private int next;
    private long seed;

    @Setup
    public void setUp() {
        Pcg64 random = Pcg64.seeded(0);
        for (int i = 0; i < actions.length; i++) {
            actions[i] = random.nextInt(6);
        }
        env = Dungeon.SPEC.make();
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
    public DungeonSolution generateAndSolve() {
        DungeonLevel level = generator.generate(seed++, Dungeon.DEFAULT_WIDTH, Dungeon.DEFAULT_HEIGHT);
        return solver.shortest(level);
    }
}
