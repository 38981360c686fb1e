package dev.levelgym.benchmarks;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.cartpole.CartPole;
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
 * Single-env CartPole step rate: the bare env, and the env as {@code make()} returns it (order enforcement and
 * time limit). Actions come from a precomputed random table so the benchmark measures the env, not a generator.
 * Each reported op is one env step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CartPoleBenchmark {

    private final int[] actions = new int[1 << 16];
    private CartPole bare;
    private Env<float[], Integer> made;
    private int next;

    @Setup
    public void setUp() {
        Pcg64 random = Pcg64.seeded(0);
        for (int i = 0; i < actions.length; i++) {
            actions[i] = random.nextInt(2);
        }
        bare = new CartPole();
        bare.reset(0);
        made = CartPole.SPEC.make();
        made.reset(0);
    }

    @Benchmark
    public StepResult<float[]> bareEnv() {
        StepResult<float[]> step = bare.step(actions[next++ & (actions.length - 1)]);
        if (step.done()) {
            bare.reset();
        }
        return step;
    }

    @Benchmark
    public StepResult<float[]> madeEnv() {
        StepResult<float[]> step = made.step(actions[next++ & (actions.length - 1)]);
        if (step.done()) {
            made.reset();
        }
        return step;
    }
}
