package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {

    private static final List<String> AGENT_FIELDS = List.of("seeds", "seedsSolved", "evalMean", "evalStd",
            "medianStepsToSolve", "medianSecondsToSolve", "envStepsPerSecond", "updatesPerSecond");

    @TempDir
    Path tmp;

    private JsonNode bench(Path out, int threads) throws IOException {
        BenchSettings settings = new BenchSettings("FrozenLake-v1", Map.of("is_slippery", "false"),
                List.of("q-learning", "random"), 2, 20_000, 2_000, 100, threads);
        new BenchRunner(AgentKinds.standard(), Registry.standard()).run(settings, out, BenchRunner.Progress.NONE);
        return Checkpoints.JSON.readTree(out.resolve(BenchSummary.JSON_FILE).toFile());
    }

    @Test
    void qLearningSolvesTheDeterministicLakeAndRandomDoesNot() throws IOException {
        JsonNode summary = bench(tmp.resolve("a"), 4);
        assertEquals("FrozenLake-v1", summary.get("env").asText());
        assertEquals(20_000, summary.get("steps").asLong());
        assertEquals(List.of("q-learning", "random"), names(summary.get("agents")));
        for (JsonNode agent : summary.get("agents")) {
            for (String field : AGENT_FIELDS) {
                assertTrue(agent.has(field), field + " missing in " + agent);
            }
            assertEquals(2, agent.get("seeds").asInt());
        }
        JsonNode q = summary.at("/agents/q-learning");
        assertEquals(2, q.get("seedsSolved").asInt());
        assertEquals(1.0, q.get("evalMean").asDouble());
        assertEquals(0.0, q.get("evalStd").asDouble());
        assertTrue(q.get("medianStepsToSolve").isIntegralNumber(), q.toString());
        assertTrue(q.get("medianSecondsToSolve").isNumber(), q.toString());
        assertTrue(q.get("envStepsPerSecond").asDouble() > 0);
        assertTrue(q.get("updatesPerSecond").asDouble() > 0);
        JsonNode random = summary.at("/agents/random");
        assertEquals(0, random.get("seedsSolved").asInt());
        assertTrue(random.get("medianStepsToSolve").isNull());
        assertTrue(random.get("medianSecondsToSolve").isNull());
        assertEquals(0.0, random.get("updatesPerSecond").asDouble());
        for (String file : List.of(BenchSummary.MARKDOWN_FILE, BenchSummary.CURVES_FILE)) {
            assertTrue(Files.size(tmp.resolve("a").resolve(file)) > 0, file);
        }
        Path cell = BenchRunner.cellDir(tmp.resolve("a"), "q-learning", 1);
        assertEquals(11, RunFiles.readEvals(cell.resolve(RunFiles.EVAL_CSV)).size());
        assertTrue(Files.readString(tmp.resolve("a").resolve(BenchSummary.MARKDOWN_FILE)).contains("| q-learning | 2/2 |"));
    }

    @Test
    void sameSeedsGiveTheSameEvaluationsWhateverTheThreadCount() throws IOException {
        JsonNode parallel = bench(tmp.resolve("p"), 4);
        JsonNode serial = bench(tmp.resolve("s"), 1);
        for (String agent : List.of("q-learning", "random")) {
            assertEquals(deterministicPart(parallel.at("/agents/" + agent)), deterministicPart(serial.at("/agents/"
                    + agent)), agent);
            for (long seed = 0; seed < 2; seed++) {
                assertEquals(Files.readAllLines(BenchRunner.cellDir(tmp.resolve("p"), agent, seed)
                                .resolve(RunFiles.EVAL_CSV)).stream().map(BenchRunnerTest::withoutTimes).toList(),
                        Files.readAllLines(BenchRunner.cellDir(tmp.resolve("s"), agent, seed)
                                .resolve(RunFiles.EVAL_CSV)).stream().map(BenchRunnerTest::withoutTimes).toList());
            }
        }
    }

    @Test
    void dungeonTrainsOnAFixedLevelSetAndReportsHeldOutLevels() throws IOException {
        BenchSettings settings = new BenchSettings("Dungeon-v0", Map.of(), List.of("random"), 1, 2_000, 1_000, 10, 1);
        BenchSummary summary = new BenchRunner(AgentKinds.standard(), Registry.standard())
                .run(settings, tmp.resolve("d"), BenchRunner.Progress.NONE);
        assertEquals(Map.of("num_levels", "200", "start_level", "0"), summary.trainOptions());
        assertEquals(Map.of("num_levels", "0", "start_level", "1000000"), summary.heldOutOptions());
        JsonNode json = Checkpoints.JSON.readTree(tmp.resolve("d").resolve(BenchSummary.JSON_FILE).toFile());
        assertTrue(json.at("/agents/random/heldOutWinRate").isNumber(), json.toString());
        assertTrue(json.at("/agents/random/evalWinRate").isNumber(), json.toString());
    }

    private static String withoutTimes(String evalRow) {
        String[] f = evalRow.split(",");
        return String.join(",", List.of(f).subList(0, 4));
    }

    private static List<String> deterministicPart(JsonNode agent) {
        List<String> values = new ArrayList<>();
        for (String field : List.of("seeds", "seedsSolved", "evalMean", "evalStd", "medianStepsToSolve")) {
            values.add(field + "=" + agent.get(field));
        }
        for (JsonNode seed : agent.get("perSeed")) {
            values.add(seed.get("seed") + ":" + seed.get("finalEvalMean") + "/" + seed.get("stepsToSolve") + "/"
                    + seed.get("evalCurve"));
        }
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
