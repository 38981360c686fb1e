package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
