package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
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

    @Test
    void anInterruptedBenchResumesFinishedCellsFromDiskAndTheRestFromCheckpoints() throws IOException {
        BenchSettings settings = new BenchSettings("FrozenLake-v1", Map.of("is_slippery", "true"),
                List.of("q-learning", "random"), 2, 6_000, 1_000, 20, 1);
        BenchRunner runner = new BenchRunner(AgentKinds.standard(), Registry.standard());
        Path whole = tmp.resolve("whole");
        runner.run(settings, whole, BenchRunner.Progress.NONE);

        // One thread runs the cells in order: q-learning 0 and 1 finish, random 0 stops between checkpoints
        // (3 of its 6 are written) and random 1 never starts.
        Path split = tmp.resolve("split");
        long[] steps = {0};
        RuntimeException stop = new RuntimeException("interrupted");
        assertSame(stop, assertThrows(RuntimeException.class, () -> runner.run(settings, split,
                new BenchRunner.Progress() {
                    @Override
                    public void onSteps(long n) {
                        steps[0] += n;
                        if (steps[0] >= 15_500) {
                            throw stop;
                        }
                    }
                })));
        Path finished = BenchRunner.cellDir(split, "q-learning", 1).resolve(BenchRunner.CELL_FILE);
        assertTrue(Files.exists(finished));
        assertFalse(Files.exists(BenchRunner.cellDir(split, "random", 0).resolve(BenchRunner.CELL_FILE)));
        assertTrue(Files.isDirectory(BenchRunner.cellDir(split, "random", 0).resolve(RunFiles.CHECKPOINT)));
        assertFalse(Files.exists(BenchRunner.cellDir(split, "random", 1)));
        assertFalse(Files.exists(split.resolve(BenchSummary.JSON_FILE)));
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(finished, old);

        BenchSettings twoThreads = new BenchSettings("FrozenLake-v1", Map.of("is_slippery", "true"),
                List.of("q-learning", "random"), 2, 6_000, 1_000, 20, 2);
        long[] resumedSteps = {0};
        runner.resume(twoThreads, split, new BenchRunner.Progress() {
            @Override
            public synchronized void onSteps(long n) {
                resumedSteps[0] += n;
            }
        });
        assertEquals(old, Files.getLastModifiedTime(finished), "a finished cell is read back, not run again");
        assertEquals(4 * 6_000, resumedSteps[0], "progress counts the steps of every cell, read back or resumed");
        JsonNode expected = Checkpoints.JSON.readTree(whole.resolve(BenchSummary.JSON_FILE).toFile());
        JsonNode actual = Checkpoints.JSON.readTree(split.resolve(BenchSummary.JSON_FILE).toFile());
        for (String agent : List.of("q-learning", "random")) {
            assertEquals(deterministicPart(expected.at("/agents/" + agent)),
                    deterministicPart(actual.at("/agents/" + agent)), agent);
            for (long seed = 0; seed < 2; seed++) {
                for (String csv : List.of(RunFiles.EVAL_CSV, RunFiles.EPISODES_CSV)) {
                    int keep = csv.equals(RunFiles.EVAL_CSV) ? 4 : 5;
                    assertEquals(columns(BenchRunner.cellDir(whole, agent, seed).resolve(csv), keep),
                            columns(BenchRunner.cellDir(split, agent, seed).resolve(csv), keep), agent + seed + csv);
                }
            }
        }
    }

    @Test
    void resumingRefusesOtherSettingsByFlagAndDirectoriesWithoutABench() throws IOException {
        BenchRunner runner = new BenchRunner(AgentKinds.standard(), Registry.standard());
        BenchSettings settings = new BenchSettings("FrozenLake-v1", Map.of(), List.of("random"), 1, 1_000, 500, 5, 1);
        Path out = tmp.resolve("b");
        runner.run(settings, out, BenchRunner.Progress.NONE);
        Path stored = out.resolve(BenchRunner.SETTINGS_FILE);
        Map<BenchSettings, String> others = Map.of(
                new BenchSettings("FrozenLake-v1", Map.of(), List.of("random"), 1, 2_000, 500, 5, 1),
                "--resume: --steps is 2000 but the benchmark's was 1000 (" + stored + ")",
                new BenchSettings("FrozenLake-v1", Map.of(), List.of("random"), 3, 1_000, 500, 5, 1),
                "--resume: --seeds is 3 but the benchmark's was 1 (" + stored + ")",
                new BenchSettings("FrozenLake-v1", Map.of("is_slippery", "false"), List.of("random"), 1, 1_000, 500, 5,
                        1),
                "--resume: --option: env options are {is_slippery=false} but the benchmark's were {} (" + stored + ")",
                new BenchSettings("FrozenLake-v1", Map.of(), List.of("random"), 1, 1_000, 250, 5, 1),
                "--resume: --eval-every is 250 but the benchmark's was 500 (" + stored + ")");
        for (Map.Entry<BenchSettings, String> other : others.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> runner.resume(other.getKey(), out, BenchRunner.Progress.NONE));
            assertEquals(other.getValue(), e.getMessage());
        }
        // Only the thread count differs: allowed, and every cell is read back.
        runner.resume(new BenchSettings("FrozenLake-v1", Map.of(), List.of("random"), 1, 1_000, 500, 5, 3), out,
                BenchRunner.Progress.NONE);

        Path cell = BenchRunner.cellDir(out, "random", 0).resolve(BenchRunner.CELL_FILE);
        Files.writeString(cell, "{\"agent\": \"random\", ");
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class,
                () -> runner.resume(settings, out, BenchRunner.Progress.NONE));
        assertTrue(corrupt.getMessage().startsWith("--resume: corrupt benchmark file " + cell), corrupt.getMessage());

        Path other = Files.createDirectory(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a benchmark");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> runner.resume(settings, other, BenchRunner.Progress.NONE));
        assertEquals("--resume: " + other + " holds no benchmark (no bench.json)", none.getMessage());
        // A benchmark killed before it wrote anything (an empty folder, or only a temporary file) just starts.
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve(".bench.json.tmp-123"), "{\"env");
        runner.resume(settings, empty, BenchRunner.Progress.NONE);
        assertTrue(Files.exists(empty.resolve(BenchSummary.JSON_FILE)));
        assertFalse(Files.exists(empty.resolve(".bench.json.tmp-123")));
    }

    /** The file's rows cut to their first {@code keep} columns (dropping the wall-clock ones). */
    private static List<String> columns(Path csv, int keep) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(l -> String.join(",", Arrays.asList(l.split(",", -1)).subList(0, keep))).toList();
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
