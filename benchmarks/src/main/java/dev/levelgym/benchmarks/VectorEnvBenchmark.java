package dev.levelgym.benchmarks;

import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.cartpole.CartPoleVectorEnv;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vector-env step rate in env-steps/s: each invocation advances 4096 env-steps (4096 / numEnvs vector steps),
 * so scores for different {@code numEnvs} compare directly. {@code kind=fused} is the structure-of-arrays
 * {@link CartPoleVectorEnv}; {@code kind=sync} is the generic {@link SyncVectorEnv} over N {@code make()}d envs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VectorEnvBenchmark {

    private static final int ENV_STEPS = 4096;

    @Param({"16", "256"})
    public int numEnvs;

    @Param({"fused", "sync"})
    public String kind;

    private VectorEnv env;
    private int[][] actionBatches;
    private int next;

    @Setup
    public void setUp() {
        env = kind.equals("fused") ? new CartPoleVectorEnv(numEnvs) : SyncVectorEnv.of(CartPole.SPEC, numEnvs);
        env.reset(0);
        Pcg64 random = Pcg64.seeded(1);
        actionBatches = new int[64][numEnvs];
        for (int[] batch : actionBatches) {
            for (int i = 0; i < numEnvs; i++) {
                batch[i] = random.nextInt(2);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENV_STEPS)
    public VectorEnv.VectorStep step() {
        VectorEnv.VectorStep last = null;
        for (int k = ENV_STEPS / numEnvs; k > 0; k--) {
            last = env.step(actionBatches[next++ & 63]);
        }
        return last;
    }

    @TearDown
    public void tearDown() {
        env.close();
    }
}
