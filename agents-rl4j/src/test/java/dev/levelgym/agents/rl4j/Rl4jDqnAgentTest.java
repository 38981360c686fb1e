package dev.levelgym.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.Episode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.RunFiles;
import dev.levelgym.agents.bench.RunSettings;
import dev.levelgym.agents.bench.TrainingRun;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.MultiDiscrete;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rl4jDqnAgentTest {

    /** A small network and batch: gradient steps from step 16 on, so runs of a hundred steps exercise RL4J's updates. */
    private static final String SMALL = "{\"batchSize\": 16, \"expRepMaxSize\": 1000, \"targetDqnUpdateFreq\": 50, "
            + "\"epsilonNbStep\": 200, \"numHiddenNodes\": 8, \"numLayers\": 2}";

    /** Probe states for comparing networks. */
    private static final float[][] PROBES = {{0, 0, 0, 0}, {0.1f, -0.2f, 0.05f, 0.3f}, {-1, 1, -0.1f, -1}};

    @TempDir
    Path tmp;

    private final AgentKinds kinds = AgentKinds.installed();

    private static JsonNode small() throws IOException {
        return Checkpoints.JSON.readTree(SMALL);
    }

    private static Env<?, ?> cartPole() {
        return Registry.standard().make("CartPole-v1", Map.of());
    }

    @SuppressWarnings("unchecked")
    private Rl4jDqnAgent<float[]> agent(Env<?, ?> env, long seed) throws IOException {
        return (Rl4jDqnAgent<float[]>) kinds.create(Rl4jDqnAgent.KIND, "CartPole-v1", env, small(), seed);
    }

    @SuppressWarnings("unchecked")
    private static List<Episode> train(Rl4jDqnAgent<float[]> agent, Env<?, ?> env, long steps, long seed) {
        List<Episode> episodes = new ArrayList<>();
        agent.train((Env<float[], Integer>) env, steps, seed, steps, episodes::add);
        return episodes;
    }

    private static double[][] qValues(Rl4jDqnAgent<float[]> agent) {
        double[][] q = new double[PROBES.length][];
        for (int i = 0; i < PROBES.length; i++) {
            q[i] = agent.qValues(PROBES[i]);
        }
        return q;
    }

    @Test
    void theCliFindsTheKindThroughTheServiceLoader() {
        assertTrue(kinds.names().contains("rl4j-dqn"), kinds.names().toString());
        assertFalse(AgentKinds.standard().names().contains("rl4j-dqn"));
    }

    @Test
    void aRunThroughTheHarnessWritesEpisodeAndEvaluationRowsAndACheckpoint() throws IOException {
        RunSettings settings = new RunSettings("CartPole-v1", Map.of(), "rl4j-dqn", small(), 300, 0, 150, 2, 0);
        TrainingRun.Outcome outcome = new TrainingRun(kinds, Registry.standard())
                .start(settings, tmp, Long.MAX_VALUE, TrainingRun.Listener.NONE);
        assertTrue(outcome.finished());
        assertEquals(300, outcome.steps());
        assertTrue(outcome.updates() > 250, "RL4J fits every step once a batch is stored: " + outcome.updates());

        List<RunFiles.EpisodePoint> episodes = RunFiles.readEpisodes(tmp.resolve(RunFiles.EPISODES_CSV));
        assertTrue(episodes.size() >= 2, "episodes: " + episodes.size());
        for (int i = 1; i < episodes.size(); i++) {
            assertTrue(episodes.get(i).globalStep() > episodes.get(i - 1).globalStep());
        }
        assertTrue(episodes.get(episodes.size() - 1).globalStep() <= 300);
        List<RunFiles.EvalPoint> evals = RunFiles.readEvals(tmp.resolve(RunFiles.EVAL_CSV));
        assertEquals(List.of(0L, 150L, 300L), evals.stream().map(RunFiles.EvalPoint::globalStep).toList());
        for (RunFiles.EvalPoint eval : evals) {
            // CartPole pays 1 per step: a greedy episode returns at least 1 and at most the 500-step limit.
            assertTrue(eval.result().mean() >= 1 && eval.result().mean() <= 500, "eval mean " + eval.result().mean());
        }
        assertEquals("rl4j-dqn", AgentKinds.manifestKind(tmp.resolve(RunFiles.CHECKPOINT)));
        assertEquals(300, Checkpoints.readManifest(tmp.resolve(RunFiles.CHECKPOINT), "rl4j-dqn").steps());
    }

    @Test
    void theSameSeedsGiveTheSameRunAndAnotherSeedAnotherOne() throws IOException {
        // Seed 0, the CLI's default: ND4J draws a network configured with seed 0 from entropy, so the agent must not
        // hand it 0.
        Env<?, ?> envA = cartPole();
        Env<?, ?> envB = cartPole();
        Env<?, ?> envC = cartPole();
        Rl4jDqnAgent<float[]> a = agent(envA, 0);
        Rl4jDqnAgent<float[]> b = agent(envB, 0);
        Rl4jDqnAgent<float[]> c = agent(envC, 1);
        assertArrayEquals(qValues(a), qValues(b));
        assertFalse(java.util.Arrays.deepEquals(qValues(a), qValues(c)), "network weights are drawn from the seed");

        List<Episode> runA = train(a, envA, 100, 0);
        List<Episode> runB = train(b, envB, 100, 0);
        List<Episode> runC = train(c, envC, 100, 1);
        assertEquals(runA, runB);
        assertArrayEquals(qValues(a), qValues(b));
        assertNotEquals(runA, runC);
    }

    @Test
    void aRunInChunksIsTheRunInOneCall() throws IOException {
        Env<?, ?> envWhole = cartPole();
        Env<?, ?> envChunks = cartPole();
        Rl4jDqnAgent<float[]> whole = agent(envWhole, 2);
        Rl4jDqnAgent<float[]> chunked = agent(envChunks, 2);
        List<Episode> expected = train(whole, envWhole, 120, 9);

        @SuppressWarnings("unchecked")
        Env<float[], Integer> typed = (Env<float[], Integer>) envChunks;
        List<Episode> episodes = new ArrayList<>();
        // 47 and 101 fall inside episodes: the next call continues them.
        chunked.train(typed, 120, 9, 47, episodes::add);
        chunked.train(typed, 120, 9, 101, episodes::add);
        chunked.train(typed, 120, 9, 120, episodes::add);
        assertEquals(expected, episodes);
        assertArrayEquals(qValues(whole), qValues(chunked));
    }

    @Test
    void maxEpochStepCutsEpisodesAsTruncations() throws IOException {
        Env<?, ?> env = cartPole();
        JsonNode config = ((com.fasterxml.jackson.databind.node.ObjectNode) small()).put("maxEpochStep", 5);
        @SuppressWarnings("unchecked")
        Rl4jDqnAgent<float[]> agent = (Rl4jDqnAgent<float[]>) kinds.create("rl4j-dqn", "CartPole-v1", env, config, 0);
        List<Episode> episodes = train(agent, env, 100, 0);
        assertEquals(20, episodes.size(), "CartPole does not fall in 5 steps, so every episode is cut at 5");
        for (Episode episode : episodes) {
            assertEquals(5, episode.length());
            assertFalse(episode.terminated());
        }
    }

    @Test
    void aSavedAgentLoadsWithTheSameNetworkAndCountersButRefusesToResumeTraining() throws IOException {
        Env<?, ?> env = cartPole();
        Rl4jDqnAgent<float[]> agent = agent(env, 3);
        List<Episode> episodes = train(agent, env, 100, 3);
        Path dir = tmp.resolve("checkpoint");
        agent.save(dir);

        @SuppressWarnings("unchecked")
        Rl4jDqnAgent<float[]> loaded = (Rl4jDqnAgent<float[]>) kinds.load(dir, cartPole());
        assertArrayEquals(qValues(agent), qValues(loaded));
        for (float[] probe : PROBES) {
            assertEquals(agent.act(probe, false), loaded.act(probe, false));
        }
        assertEquals(100, loaded.steps());
        assertEquals(episodes.size(), loaded.episodes());
        assertEquals(agent.updates(), loaded.updates());
        assertEquals(agent.config(), loaded.config());

        Env<?, ?> again = cartPole();
        CheckpointException e = assertThrows(CheckpointException.class, () -> train(loaded, again, 400, 3));
        assertTrue(e.getMessage().contains("cannot resume training"), e.getMessage());
    }

    @Test
    void anAgentSavedBeforeTrainingTrainsAsAFreshOne() throws IOException {
        Env<?, ?> env = cartPole();
        Rl4jDqnAgent<float[]> fresh = agent(env, 4);
        Path dir = tmp.resolve("untrained");
        fresh.save(dir);
        @SuppressWarnings("unchecked")
        Rl4jDqnAgent<float[]> loaded = (Rl4jDqnAgent<float[]>) kinds.load(dir, cartPole());
        Env<?, ?> loadedEnv = cartPole();
        assertEquals(train(fresh, env, 100, 8), train(loaded, loadedEnv, 100, 8));
        assertArrayEquals(qValues(fresh), qValues(loaded));
    }

    @Test
    void aCheckpointIsRefusedForAnEnvOfOtherSpacesAndWhenItsNetworkIsMissing() throws IOException {
        Rl4jDqnAgent<float[]> agent = agent(cartPole(), 1);
        Path dir = tmp.resolve("checkpoint");
        agent.save(dir);
        Env<?, ?> lake = Registry.standard().make("FrozenLake-v1", Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> kinds.load(dir, lake));
        assertTrue(e.getMessage().contains("Discrete(16)") && e.getMessage().contains("Box("), e.getMessage());

        Files.delete(dir.resolve("q-network.zip"));
        e = assertThrows(CheckpointException.class, () -> kinds.load(dir, cartPole()));
        assertTrue(e.getMessage().contains("q-network.zip"), e.getMessage());
    }

    @Test
    void aDiscreteObservationEnvTrainsOnOneHotInputs() throws IOException {
        Env<?, ?> lake = Registry.standard().make("FrozenLake-v1", Map.of());
        TrainableAgent<?> agent = kinds.create("rl4j-dqn", "FrozenLake-v1", lake, small(), 0);
        @SuppressWarnings("unchecked")
        Rl4jDqnAgent<Integer> typed = (Rl4jDqnAgent<Integer>) agent;
        List<Episode> episodes = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Env<Integer, Integer> env = (Env<Integer, Integer>) lake;
        typed.train(env, 100, 0, 100, episodes::add);
        assertFalse(episodes.isEmpty());
        assertEquals(4, typed.qValues(0).length);
        assertTrue(new Discrete(4).contains(typed.act(15, false)));
    }

    @Test
    void unknownOrInvalidConfigKeysAndInexpressibleSpacesAreRefusedByName() throws IOException {
        Env<?, ?> env = cartPole();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kinds.create("rl4j-dqn",
                "CartPole-v1", env, Checkpoints.JSON.readTree("{\"learning_rate\": 0.1}"), 0));
        assertTrue(e.getMessage().contains("rl4j-dqn config: unknown key 'learning_rate'")
                && e.getMessage().contains("learningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kinds.create("rl4j-dqn", "CartPole-v1", env,
                Checkpoints.JSON.readTree("{\"gamma\": 1.5}"), 0));
        assertTrue(e.getMessage().contains("gamma must be in [0, 1], got 1.5"), e.getMessage());

        SpacesEnv<int[], Integer> multi = new SpacesEnv<>(new MultiDiscrete(new int[] {2, 2}), new Discrete(2),
                new int[] {0, 0}, 1);
        e = assertThrows(IllegalArgumentException.class, () -> kinds.create("rl4j-dqn", "multi", multi, null, 0));
        assertTrue(e.getMessage().contains("RL4J cannot express the observation space MultiDiscrete"), e.getMessage());
    }
}
