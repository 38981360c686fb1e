package dev.levelgym.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.TrainingLoop;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoAgentTest {

    static final PpoConfig SMALL = new PpoConfig(2.5e-4, 32, true, 0.99, 0.95, 2, 2, true, 0.2, true, 0.01, 0.5,
            0.5, 1e-5, PolicyNetwork.MLP, List.of(16, 16), List.of(16, 32, 32), 256, 2, 20, 32, List.of());

    @TempDir
    Path tmp;

    private static VectorEnv cartPoles(int n) {
        return SyncVectorEnv.of(CartPole.SPEC, n, Map.of());
    }

    @Test
    void greedyBatchesActAsSingleObservations() {
        for (PolicyNetwork network : PolicyNetwork.values()) {
            Env<float[], Integer> env = network == PolicyNetwork.MLP ? CartPole.SPEC.make() : Dungeon.SPEC.make();
            PpoConfig config = switch (network) {
                case MLP -> SMALL;
                case IMPALA -> PpoConfig.procgen();
                case VALUE_PROPAGATION -> new PpoConfig(5e-4, 256, false, 0.999, 0.95, 8, 3, true, 0.2, true,
                        0.01, 0.5, 0.5, 1e-5, network, List.of(), List.of(16), 256, 2, 8, 8, List.of(4, 5));
            };
            try (PpoAgent agent = PpoAgent.create("x", env, config)) {
                int n = 5;
                int size = env.observationSpace() instanceof dev.levelgym.envs.spaces.Box b ? b.size() : 0;
                float[] batch = new float[n * size];
                int[] single = new int[n];
                for (int i = 0; i < n; i++) {
                    float[] o = env.reset(i).observation();
                    System.arraycopy(o, 0, batch, i * size, size);
                    single[i] = agent.act(o, false);
                }
                int[] batched = new int[n];
                agent.actBatch(batch, false, batched);
                assertArrayEquals(single, batched, network.toString());
            }
        }
    }

    @Test
    void aRunResumedFromACheckpointIsTheUninterruptedRun() throws IOException {
        long total = 1_000;
        List<Episode> whole = new ArrayList<>();
        List<Episode> split = new ArrayList<>();
        try (PpoAgent uninterrupted = PpoAgent.create("CartPole-v1", CartPole.SPEC.make(), SMALL)) {
            uninterrupted.train(cartPoles(3), total, 4, total, whole::add);
            uninterrupted.save(tmp.resolve("whole"));
        }
        try (PpoAgent first = PpoAgent.create("CartPole-v1", CartPole.SPEC.make(), SMALL)) {
            first.train(cartPoles(3), total, 4, 250, split::add);
            // The loop ran on to the end of the rollout.
            assertTrue(first.atBoundary() && first.iterations() == 3, "paused after rollout " + first.iterations());
            assertTrue(first.updates() > 0);
            first.save(tmp.resolve("half"));
        }
        try (PpoAgent resumed = PpoAgent.load(tmp.resolve("half"))) {
            resumed.train(cartPoles(3), total, 4, total, split::add);
            resumed.save(tmp.resolve("split"));
        }
        assertEquals(whole, split);
        List<String> files = files(tmp.resolve("whole"));
        assertEquals(List.of("adam-moments.ndlist", "agent.json", "manifest.json", "policy.params",
                TrainingLoop.FILE), files);
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(file)),
                    Files.readAllBytes(tmp.resolve("split").resolve(file)), file);
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        List<Episode> a = new ArrayList<>();
        List<Episode> b = new ArrayList<>();
        List<Episode> c = new ArrayList<>();
        try (PpoAgent x = PpoAgent.create("CartPole-v1", CartPole.SPEC.make(), SMALL);
             PpoAgent y = PpoAgent.create("CartPole-v1", CartPole.SPEC.make(), SMALL);
             PpoAgent z = PpoAgent.create("CartPole-v1", CartPole.SPEC.make(), SMALL)) {
            x.train(cartPoles(2), 600, 7, 600, a::add);
            y.train(cartPoles(2), 600, 7, 600, b::add);
            z.train(cartPoles(2), 600, 8, 600, c::add);
        }
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }
}
