package dev.levelgym.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSettings;
import dev.levelgym.agents.bench.BenchSummary;
import dev.levelgym.envs.registry.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine in local[2] against the in-process runner on the same grids. */
class SparkBenchTest {

    private static SparkEngine engine;

    @BeforeAll
    static void start() {
        engine = SparkEngine.start("local[2]", "levelgym-test");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static void assertSameAsInProcess(BenchSettings settings, Path tmp) throws Exception {
        Path in = tmp.resolve("in-process");
        Path spark = tmp.resolve("spark");
        BenchSummary expected = new BenchRunner(AgentKinds.standard(), Registry.standard())
                .run(settings, in, BenchRunner.Progress.NONE);
        List<String> done = new ArrayList<>();
        BenchSummary actual = new SparkBench(Registry.standard()).run(engine, settings, spark, SparkBench.TRAIN,
                done::add);
        assertEquals(settings.agents().size() * settings.seeds(), done.size());
        assertTrue(actual.failedCells().isEmpty(), actual.failedCells().toString());
        BenchResults.assertSame(expected, in, actual, spark);
    }

    @Test
    void frozenLakeGridEqualsTheInProcessRunSeedBySeed(@TempDir Path tmp) throws Exception {
        assertSameAsInProcess(new BenchSettings("FrozenLake-v1", Map.of("is_slippery", "false"),
                List.of("random", "q-learning"), 3, 4000, 1000, 20, 2), tmp);
    }

    @Test
    void cartPoleGridEqualsTheInProcessRunSeedBySeed(@TempDir Path tmp) throws Exception {
        assertSameAsInProcess(new BenchSettings("CartPole-v1", Map.of(), List.of("random", "q-learning"), 2, 3000,
                1000, 10, 2), tmp);
    }

    @Test
    void dqnCellEqualsTheInProcessRun(@TempDir Path tmp) throws Exception {
        assertSameAsInProcess(new BenchSettings("CartPole-v1", Map.of(), List.of("dqn"), 1, 600, 300, 3, 1), tmp);
    }
}
