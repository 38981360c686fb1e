package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.levelgym.agents.Episode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.TrainingDivergedException;
import dev.levelgym.agents.testing.PoisonedRewardEnv;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DqnAgentTest {

    @TempDir
    Path tmp;

    /** Small and quick: trains from step 500, 16 gradient steps every 64 env steps. */
    static final DqnConfig SMALL = DqnConfig.defaults().withBufferSize(5000).withTraining(500, 64, 16)
            .withNetwork(NetworkType.MLP, List.of(16), List.of(32, 32));

    static Env<float[], Integer> cartPole() {
        return CartPole.SPEC.make();
    }

    /** Observations spread over CartPole's usual range, to compare policies on. */
    static List<float[]> probes(int count) {
        Pcg64 random = Pcg64.seeded(99);
        List<float[]> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            probes.add(new float[] {(float) random.uniform(-2.4, 2.4), (float) random.uniform(-3, 3),
                    (float) random.uniform(-0.21, 0.21), (float) random.uniform(-3.5, 3.5)});
        }
        return probes;
    }

    @Test
    void agentsTrainingInParallelThreadsMatchTheirSerialRuns() throws Exception {
        // DJL's PyTorch engine refuses a second open GradientCollector in the process; a benchmark grid trains
        // several agents at once, so this must neither fail nor change any agent's run.
        long[] seeds = {3, 4};
        List<float[][]> serial = new ArrayList<>();
        for (long seed : seeds) {
            try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), SMALL)) {
                agent.train(cartPole(), 2000, seed, EpisodeListener.NONE);
                serial.add(qTable(agent));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<float[][]>> parallel = new ArrayList<>();
            for (long seed : seeds) {
                parallel.add(pool.submit(() -> {
                    try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), SMALL)) {
                        agent.train(cartPole(), 2000, seed, EpisodeListener.NONE);
                        return qTable(agent);
                    }
                }));
            }
            for (int i = 0; i < seeds.length; i++) {
                float[][] got = parallel.get(i).get();
                for (int k = 0; k < got.length; k++) {
                    assertArrayEquals(serial.get(i)[k], got[k], "seed " + seeds[i]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[][] qTable(DqnAgent agent) {
        List<float[]> probes = probes(20);
        float[][] out = new float[probes.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = agent.qValues(probes.get(i));
        }
        return out;
    }

    @Test
    void aNonFiniteLossStopsTrainingBeforeTheUpdate() {
        DqnConfig config = DqnConfig.defaults().withBufferSize(2000).withTraining(100, 16, 4)
                .withNetwork(NetworkType.MLP, List.of(8), List.of(16));
        try (DqnAgent agent = DqnAgent.create("Poisoned-v0", new PoisonedRewardEnv(300), config)) {
            float[] probe = {0.5f};
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> agent.train(new PoisonedRewardEnv(300), 5000, 0, EpisodeListener.NONE));
            assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("checkpoint"), e.getMessage());
            assertTrue(agent.steps() > 300, "NaN rewards came after step 300, got " + agent.steps());
            for (float q : agent.qValues(probe)) {
                assertTrue(Float.isFinite(q), "the NaN update was not applied");
            }
        }
    }

    @Test
    void sameSeedGivesTheSameRunAndChunksMatchOneCall() {
        List<Episode> once = new ArrayList<>();
        List<Episode> chunked = new ArrayList<>();
        try (DqnAgent a = DqnAgent.create("CartPole-v1", cartPole(), SMALL);
             DqnAgent b = DqnAgent.create("CartPole-v1", cartPole(), SMALL)) {
            a.train(cartPole(), 3000, 5, once::add);
            b.train(cartPole(), 3000, 5, 1234, chunked::add);
            b.train(cartPole(), 3000, 5, 3000, chunked::add);
            assertEquals(a.updates(), b.updates());
            assertTrue(a.updates() > 0);
            // Bit-identical on CPU: same episodes, same Q-values.
            assertEquals(once, chunked);
            for (float[] probe : probes(50)) {
                assertArrayEquals(a.qValues(probe), b.qValues(probe));
            }
        }
    }

    @Test
    void atGammaZeroTheQValuesLearnTheImmediateReward() {
        // γ = 0: every target is the step's reward, 1 for each CartPole step, whatever follows. The agent then skips
        // the next-state passes altogether; the values must still come to 1, not to a bootstrapped return.
        DqnConfig s = SMALL.withTraining(500, 4, 1);
        DqnConfig myopic = new DqnConfig(1e-2, s.batchSize(), s.bufferSize(), s.learningStarts(), 0.0,
                s.targetUpdateInterval(), s.tau(), s.trainFreq(), s.gradientSteps(), s.explorationFraction(),
                s.explorationInitialEps(), s.explorationFinalEps(), s.hiddenSizes(), s.networkType(), s.convChannels(),
                true, s.loss(), s.maxGradNorm(), s.nSteps(), s.planIterations(), s.planChannels(), s.agentPlanes());
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), myopic)) {
            agent.train(cartPole(), 4000, 2, episode -> { });
            assertTrue(agent.updates() > 800, "updates " + agent.updates());
            for (float[] probe : probes(20)) {
                for (float q : agent.qValues(new float[] {probe[0] / 4, probe[1] / 4, probe[2] / 4, probe[3] / 4})) {
                    assertEquals(1.0, q, 0.1);
                }
            }
        }
    }

    @Test
    void trainingHoldsNoMoreNativeArraysAsItGoesOn() {
        // A leak of one array per training phase (the MLP mirror's transposed weights once did this) grew a
        // Dungeon run past 20 GB; count the arrays the agent's managers hold after two stretches of training.
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), SMALL.withTraining(100, 4, 1))) {
            agent.train(cartPole(), 3000, 2, 600, EpisodeListener.NONE);
            int before = agent.nativeArrays();
            agent.train(cartPole(), 3000, 2, 1600, EpisodeListener.NONE);
            assertTrue(agent.updates() > 300);
            assertEquals(before, agent.nativeArrays());
        }
    }

    @Test
    void nStepRunsAreSeededAndChunksMatchOneCallMidEpisode() {
        DqnConfig threeStep = SMALL.withNSteps(3);
        List<Episode> once = new ArrayList<>();
        List<Episode> chunked = new ArrayList<>();
        try (DqnAgent a = DqnAgent.create("CartPole-v1", cartPole(), threeStep);
             DqnAgent b = DqnAgent.create("CartPole-v1", cartPole(), threeStep)) {
            a.train(cartPole(), 3000, 8, once::add);
            // Stopping at 1234 cuts an episode; the n-step window of the second call must pick up where it was.
            b.train(cartPole(), 3000, 8, 1234, chunked::add);
            b.train(cartPole(), 3000, 8, 3000, chunked::add);
            assertEquals(once, chunked);
            for (float[] probe : probes(50)) {
                assertArrayEquals(a.qValues(probe), b.qValues(probe));
            }
        }
    }

    @Test
    void saveAndLoadGiveIdenticalGreedyActionsAndResume() throws Exception {
        Path dir = tmp.resolve("dqn");
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), SMALL)) {
            // Stop mid-run (and very likely mid-episode) so the checkpoint holds an episode in progress.
            agent.train(cartPole(), 3000, 7, 1777, EpisodeListener.NONE);
            agent.save(dir);
            Manifest manifest = Checkpoints.readManifest(dir, DqnAgent.KIND);
            assertEquals(1777, manifest.steps());
            assertEquals("CartPole-v1", manifest.envId());
            assertTrue(Files.size(dir.resolve("replay-buffer.bin")) > 0);

            try (DqnAgent loaded = DqnAgent.load(dir)) {
                assertEquals(SMALL, loaded.config());
                assertEquals(agent.steps(), loaded.steps());
                assertEquals(agent.updates(), loaded.updates());
                assertEquals(agent.episodes(), loaded.episodes());
                assertEquals(agent.bufferSize(), loaded.bufferSize());
                for (float[] probe : probes(200)) {
                    assertEquals(agent.act(probe, false), loaded.act(probe, false));
                    assertArrayEquals(agent.qValues(probe), loaded.qValues(probe));
                }
                // Resuming continues the run: the episode in progress is replayed, counters go on.
                loaded.train(cartPole(), 3000, 7, 3000, EpisodeListener.NONE);
                assertEquals(3000, loaded.steps());
                assertTrue(loaded.updates() > agent.updates());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> loaded.train(cartPole(), 4000, 8, 4000, EpisodeListener.NONE));
                assertTrue(e.getMessage().contains("seed 7"), e.getMessage());
            }
        }
    }

    @Test
    void loadReportsMissingFiles() throws Exception {
        Path dir = tmp.resolve("dqn");
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), SMALL)) {
            agent.save(dir);
        }
        Files.delete(dir.resolve("q-network.params"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> DqnAgent.load(dir));
        assertTrue(e.getMessage().contains("q-network.params"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = NetworkType.class, names = {"CONV", "IMPALA"})
    void convolutionalNetworkTrainsOnDungeonAndRoundTrips(NetworkType type) throws Exception {
        Env<float[], Integer> env = Dungeon.SPEC.make();
        DqnConfig config = DqnConfig.defaults().withBufferSize(2000).withTraining(100, 100, 2)
                .withNetwork(type, List.of(4, 8), List.of(16));
        Path dir = tmp.resolve(type.name());
        try (DqnAgent agent = DqnAgent.create(Dungeon.ID, env, config)) {
            float[] observation = env.reset(11).observation();
            float[] before = agent.qValues(observation);
            agent.train(env, 400, 3, EpisodeListener.NONE);
            assertEquals(6, agent.updates());
            assertTrue(!java.util.Arrays.equals(before, agent.qValues(observation)), "training changed the network");
            agent.save(dir);
            try (DqnAgent loaded = DqnAgent.load(dir)) {
                assertArrayEquals(agent.qValues(observation), loaded.qValues(observation));
                assertEquals(agent.act(observation, false), loaded.act(observation, false));
                assertEquals(config, loaded.config());
            }
        }
    }

    @Test
    void impalaPoolsTheMapSoItsHeadSeesFewerCellsThanConvs() {
        int[] shape = ((Box) Dungeon.SPEC.make().observationSpace()).shape();
        DqnConfig conv = SMALL.withNetwork(NetworkType.CONV, List.of(8, 8), List.of(32));
        try (NDManager manager = NDManager.newBaseManager();
             QNetwork c = new QNetwork(manager, shape, 6, conv);
             QNetwork i = new QNetwork(manager, shape, 6, conv.withNetwork(NetworkType.IMPALA, List.of(8, 8),
                     List.of(32)))) {
            // The same two convolutions; CONV's head reads 8 channels of every cell, IMPALA's 8 channels of what two
            // 3×3 max-pools of stride 2 (padding 1) leave: ⌊(n − 1) / 2⌋ + 1 per side, twice.
            int h = pooled(pooled(shape[1]));
            int w = pooled(pooled(shape[2]));
            assertEquals(32L * 8 * shape[1] * shape[2], c.parameters().get(4).getArray().size());
            assertEquals(32L * 8 * h * w, i.parameters().get(4).getArray().size());
            assertEquals(6, i.qValues(new float[shape[0] * shape[1] * shape[2]]).length);
        }
    }

    private static int pooled(int n) {
        return (n - 1) / 2 + 1;
    }

    @ParameterizedTest
    @EnumSource(value = NetworkType.class, names = {"VALUE_ITERATION", "VALUE_PROPAGATION"})
    void planningNetworkTrainsOnDungeonAndRoundTrips(NetworkType type) throws Exception {
        Env<float[], Integer> env = Dungeon.SPEC.make();
        DqnConfig config = DqnConfig.defaults().withBufferSize(2000).withTraining(100, 100, 2)
                .withPlanning(4, 4, List.of(4, 5)).withNetwork(type, List.of(4), List.of());
        Path dir = tmp.resolve(type.name());
        try (DqnAgent agent = DqnAgent.create(Dungeon.ID, env, config)) {
            float[] observation = env.reset(11).observation();
            float[] before = agent.qValues(observation);
            agent.train(env, 400, 3, EpisodeListener.NONE);
            assertEquals(6, agent.updates());
            assertTrue(!java.util.Arrays.equals(before, agent.qValues(observation)), "training changed the network");
            agent.save(dir);
            try (DqnAgent loaded = DqnAgent.load(dir)) {
                assertArrayEquals(agent.qValues(observation), loaded.qValues(observation));
                assertEquals(config, loaded.config());
            }
        }
    }

    @Test
    void rejectsEnvsItCannotHandle() {
        IllegalArgumentException conv = assertThrows(IllegalArgumentException.class, () -> DqnAgent.create(
                "CartPole-v1", cartPole(), SMALL.withNetwork(NetworkType.CONV, List.of(4), List.of(8))));
        assertTrue(conv.getMessage().contains("(C, H, W)"), conv.getMessage());
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", cartPole(), SMALL)) {
            assertThrows(IllegalArgumentException.class, () -> agent.train(Dungeon.SPEC.make(), 10, 0, 10,
                    EpisodeListener.NONE));
            assertThrows(IllegalArgumentException.class, () -> agent.act(new float[3], false));
        }
    }
}
