package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingRunTest {

    @TempDir
    Path tmp;

    private final TrainingRun run = new TrainingRun(AgentKinds.standard(), Registry.standard());

    @ParameterizedTest
    @CsvSource({"FrozenLake-v1, q-learning, 6000, 2345", "FrozenLake-v1, random, 6000, 2345",
            "CartPole-v1, q-learning, 8000, 3001"})
    void aResumedRunWritesWhatAnUninterruptedOneDoes(String env, String agent, long steps, long stopAt)
            throws IOException {
        Map<String, String> options = env.startsWith("FrozenLake") ? Map.of("is_slippery", "true") : Map.of();
        RunSettings settings = new RunSettings(env, options, agent, null, steps, 3, 1000, 10, 700);
        TrainingRun.Outcome whole = run.start(settings, tmp.resolve("whole"), Long.MAX_VALUE, TrainingRun.Listener.NONE);
        assertTrue(whole.finished());

        TrainingRun.Outcome first = run.start(settings, tmp.resolve("split"), stopAt, TrainingRun.Listener.NONE);
        assertFalse(first.finished());
        assertEquals(stopAt, first.steps());
        TrainingRun.Outcome rest = run.resume(settings, tmp.resolve("split"), Long.MAX_VALUE, TrainingRun.Listener.NONE);
        assertTrue(rest.finished());

        assertEquals(columns(tmp.resolve("whole/episodes.csv"), 5), columns(tmp.resolve("split/episodes.csv"), 5));
        assertEquals(columns(tmp.resolve("whole/eval.csv"), 4), columns(tmp.resolve("split/eval.csv"), 4));
        assertEquals(steps / 1000 + 1, RunFiles.readEvals(tmp.resolve("split/eval.csv")).size());
        assertSameCheckpoints(tmp.resolve("whole/checkpoint"), tmp.resolve("split/checkpoint"));
    }

    @Test
    void aResumedDqnRunIsTheUninterruptedRunBitForBit() throws IOException {
        // Small and quick; 1177 falls mid-episode and after several training phases, between two checkpoints.
        JsonNode small = Checkpoints.JSON.readTree("{\"bufferSize\": 5000, \"learningStarts\": 500, "
                + "\"trainFreq\": 64, \"gradientSteps\": 16, \"hiddenSizes\": [32, 32]}");
        RunSettings settings = new RunSettings("CartPole-v1", Map.of(), "dqn", small, 2000, 4, 500, 5, 700);
        run.start(settings, tmp.resolve("whole"), Long.MAX_VALUE, TrainingRun.Listener.NONE).agent().close();
        run.start(settings, tmp.resolve("split"), 1177, TrainingRun.Listener.NONE).agent().close();
        TrainingRun.Outcome rest = run.resume(settings, tmp.resolve("split"), Long.MAX_VALUE,
                TrainingRun.Listener.NONE);
        rest.agent().close();
        assertTrue(rest.finished());
        assertEquals(columns(tmp.resolve("whole/episodes.csv"), 5), columns(tmp.resolve("split/episodes.csv"), 5));
        assertEquals(columns(tmp.resolve("whole/eval.csv"), 4), columns(tmp.resolve("split/eval.csv"), 4));
        // Both networks, the replay buffer, Adam's moments, the generator and the counters.
        assertSameCheckpoints(tmp.resolve("whole/checkpoint"), tmp.resolve("split/checkpoint"));
    }

    @Test
    void aCheckpointOfAnotherEnvOrAgentIsRefusedByName() throws IOException {
        RunSettings lake = new RunSettings("FrozenLake-v1", Map.of(), "q-learning", null, 2000, 1, 500, 5, 500);
        run.start(lake, tmp.resolve("lake"), 1000, TrainingRun.Listener.NONE);
        RunSettings pole = new RunSettings("CartPole-v1", Map.of(), "q-learning", null, 2000, 1, 500, 5, 500);
        run.start(pole, tmp.resolve("pole"), 1000, TrainingRun.Listener.NONE);
        RunSettings random = new RunSettings("FrozenLake-v1", Map.of(), "random", null, 2000, 1, 500, 5, 500);
        run.start(random, tmp.resolve("random"), 1000, TrainingRun.Listener.NONE);

        // The lake run's checkpoint replaced by the pole run's, then by the random agent's.
        Path checkpoint = tmp.resolve("lake/checkpoint");
        replace(checkpoint, tmp.resolve("pole/checkpoint"));
        CheckpointException env = assertThrows(CheckpointException.class,
                () -> run.resume(lake, tmp.resolve("lake"), Long.MAX_VALUE, TrainingRun.Listener.NONE));
        assertEquals(checkpoint.resolve("manifest.json") + ": a checkpoint trained on CartPole-v1, but the run's env "
                + "is FrozenLake-v1", env.getMessage());
        replace(checkpoint, tmp.resolve("random/checkpoint"));
        CheckpointException kind = assertThrows(CheckpointException.class,
                () -> run.resume(lake, tmp.resolve("lake"), Long.MAX_VALUE, TrainingRun.Listener.NONE));
        assertEquals(checkpoint.resolve("manifest.json") + ": a 'random' checkpoint, but the run's agent is "
                + "q-learning", kind.getMessage());
    }

    private static void replace(Path target, Path source) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    /**
     * The same checkpoint but for wall-clock time: the same files, the agent's byte for byte, and the run's record
     * ({@link RunFiles#CHECKPOINT_EVALS}, {@link RunFiles#CHECKPOINT_PROGRESS}) and the manifest equal in everything
     * but the wall-clock columns and the digests that cover them.
     */
    static void assertSameCheckpoints(Path expected, Path actual) throws IOException {
        assertSameFiles(expected, actual, Set.of(RunFiles.CHECKPOINT_EVALS, RunFiles.CHECKPOINT_PROGRESS,
                Checkpoints.MANIFEST));
        assertEquals(manifestWithoutRunDigests(expected), manifestWithoutRunDigests(actual));
        assertEquals(columns(expected.resolve(RunFiles.CHECKPOINT_EVALS), 4),
                columns(actual.resolve(RunFiles.CHECKPOINT_EVALS), 4));
    }

    private static JsonNode manifestWithoutRunDigests(Path checkpoint) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                Checkpoints.JSON.readTree(checkpoint.resolve(Checkpoints.MANIFEST).toFile());
        tree.remove("checksum");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("files")).remove(
                List.of(RunFiles.CHECKPOINT_EVALS, RunFiles.CHECKPOINT_PROGRESS));
        return tree;
    }

    /** Same file names, same bytes (but for {@code skipped}'s bytes). */
    static void assertSameFiles(Path expected, Path actual, Set<String> skipped) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(expected)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> files = Files.list(actual)) {
            assertEquals(names, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String name : names) {
            if (skipped.contains(name)) {
                continue;
            }
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                    name);
        }
    }

    @Test
    void resumingWithOtherSettingsIsRefused() {
        RunSettings settings = new RunSettings("FrozenLake-v1", Map.of(), "q-learning", null, 2000, 1, 500, 5, 0);
        run.start(settings, tmp.resolve("r"), 1000, TrainingRun.Listener.NONE);
        RunSettings otherSeed = new RunSettings("FrozenLake-v1", Map.of(), "q-learning", null, 2000, 2, 500, 5, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.resume(otherSeed, tmp.resolve("r"), Long.MAX_VALUE, TrainingRun.Listener.NONE));
        assertTrue(e.getMessage().contains("--seed"), e.getMessage());
    }

    @Test
    void evaluationPointsAreZeroEveryEAndTheEnd() {
        assertEquals(0, TrainingRun.nextEvalPoint(-1, 300, 1000));
        assertEquals(300, TrainingRun.nextEvalPoint(0, 300, 1000));
        assertEquals(1000, TrainingRun.nextEvalPoint(900, 300, 1000));
        assertEquals(-1, TrainingRun.nextEvalPoint(1000, 300, 1000));
        assertEquals(1000, TrainingRun.nextEvalPoint(0, 0, 1000));
    }

    /** The file's rows cut to their first {@code keep} columns (dropping the wall-clock ones). */
    private static List<String> columns(Path csv, int keep) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(l -> String.join(",", Arrays.asList(l.split(",", -1)).subList(0, keep))).toList();
    }
}
