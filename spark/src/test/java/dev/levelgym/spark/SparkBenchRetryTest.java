package dev.levelgym.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSettings;
import dev.levelgym.agents.bench.BenchSummary;
import dev.levelgym.envs.registry.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task retries (local[2,3]: three attempts per task) and cells that fail for good. */
class SparkBenchRetryTest {

    /** Seed 0 fails on its first attempt only, seed 1 on every attempt, seed 2 never. */
    private static final CellTask FLAKY = (settings, agent, seed) -> {
        int attempt = TaskContext.get().attemptNumber();
        if (seed == 1 || (seed == 0 && attempt == 0)) {
            throw new IllegalStateException("boom in seed " + seed + " attempt " + attempt);
        }
        return SparkBench.TRAIN.run(settings, agent, seed);
    };

    @Test
    void retriedCellsSucceedAndCellsThatFailForGoodAreReported(@TempDir Path out) throws Exception {
        BenchSettings settings = new BenchSettings("FrozenLake-v1", Map.of(), List.of("random"), 3, 500, 250, 5, 2);
        BenchSummary summary;
        try (SparkEngine engine = SparkEngine.start("local[2,3]", "levelgym-test")) {
            summary = new SparkBench(Registry.standard()).run(engine, settings, out, FLAKY, m -> { });
        }
        assertEquals(List.of(0L, 2L), summary.cells().stream().map(c -> c.seed()).toList());
        assertEquals(1, summary.failedCells().size());
        BenchSummary.FailedCell failed = summary.failedCells().get(0);
        assertEquals("random", failed.agent());
        assertEquals(1, failed.seed());
        assertTrue(failed.error().contains("failed 3 times") && failed.error().contains("boom in seed 1 attempt 2"),
                failed.error());
        assertEquals(2, summary.agents().get("random").seeds());

        JsonNode json = new ObjectMapper().readTree(out.resolve(BenchSummary.JSON_FILE).toFile());
        assertEquals(1, json.get("failedCells").get(0).get("seed").asLong());
        assertEquals(2, json.get("agents").get("random").get("perSeed").size());
        assertTrue(Files.readString(out.resolve(BenchSummary.MARKDOWN_FILE)).contains("random seed 1: "));
        assertTrue(Files.exists(BenchRunner.cellDir(out, "random", 0).resolve("episodes.csv")));
        assertTrue(Files.notExists(BenchRunner.cellDir(out, "random", 1)));
    }
}
