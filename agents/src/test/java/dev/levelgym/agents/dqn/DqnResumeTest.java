package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.TrainingLoop;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A DQN run saved, loaded and trained on is the run an uninterrupted call gives, bit for bit. */
class DqnResumeTest {

    private static final long TOTAL = 2000;
    private static final long SEED = 7;
    private static final String MOMENTS = "adam-moments.ndlist";

    @TempDir
    Path tmp;

    /** With n-step returns (n = 3) the load must also rebuild the steps pending in the n-step window. */
    @ParameterizedTest(name = "nSteps={0}")
    @ValueSource(ints = {1, 3})
    void resumingFromACheckpointContinuesTheSameRun(int nSteps) throws IOException {
        DqnConfig config = DqnAgentTest.SMALL.withNSteps(nSteps);
        List<Episode> whole = new ArrayList<>();
        List<Episode> split = new ArrayList<>();
        try (DqnAgent uninterrupted = DqnAgent.create("CartPole-v1", DqnAgentTest.cartPole(), config)) {
            uninterrupted.train(DqnAgentTest.cartPole(), TOTAL, SEED, whole::add);
            uninterrupted.save(tmp.resolve("whole"));

            try (DqnAgent first = DqnAgent.create("CartPole-v1", DqnAgentTest.cartPole(), config)) {
                // 1177: after several training phases (Adam has moments) and in the middle of an episode.
                first.train(DqnAgentTest.cartPole(), TOTAL, SEED, 1177, split::add);
                assertTrue(first.updates() > 0);
                first.save(tmp.resolve("half"));
            }
            assertFalse(Checkpoints.JSON.readTree(tmp.resolve("half").resolve(TrainingLoop.FILE).toFile())
                    .get("slots").get(0).get("actions").isEmpty(), "the checkpoint holds an episode in progress");
            try (DqnAgent resumed = DqnAgent.load(tmp.resolve("half"))) {
                resumed.train(DqnAgentTest.cartPole(), TOTAL, SEED, TOTAL, split::add);
                resumed.save(tmp.resolve("split"));

                assertEquals(whole, split);
                assertEquals(uninterrupted.updates(), resumed.updates());
                for (float[] probe : DqnAgentTest.probes(50)) {
                    assertArrayEquals(uninterrupted.qValues(probe), resumed.qValues(probe));
                }
            }
        }
        // Weights, target network, replay buffer, Adam's moments, generator and counters: every byte the same.
        // (Checked to fail when the load leaves Adam fresh: the episodes part ways in the first training phase.)
        assertEquals(files(tmp.resolve("whole")), files(tmp.resolve("split")));
        for (String file : files(tmp.resolve("whole"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(file)),
                    Files.readAllBytes(tmp.resolve("split").resolve(file)), file);
        }
    }

    @Test
    void corruptOrMissingMomentsAreNamed() throws IOException {
        Path dir = tmp.resolve("dqn");
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", DqnAgentTest.cartPole(), DqnAgentTest.SMALL)) {
            agent.train(DqnAgentTest.cartPole(), TOTAL, SEED, 700, EpisodeListener.NONE);
            agent.save(dir);
        }
        // Checked by the files' own readers: the manifest of an earlier levelgym holds no digests.
        dev.levelgym.agents.testing.LegacyCheckpoints.stripDigests(dir.resolve(Checkpoints.MANIFEST));
        Path moments = dir.resolve(MOMENTS);
        byte[] bytes = Files.readAllBytes(moments);
        Files.write(moments, Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException truncated = assertThrows(CheckpointException.class, () -> DqnAgent.load(dir));
        assertTrue(truncated.getMessage().startsWith("corrupt checkpoint file " + moments), truncated.getMessage());

        Files.delete(moments);
        CheckpointException missing = assertThrows(CheckpointException.class, () -> DqnAgent.load(dir));
        assertEquals("missing checkpoint file " + moments, missing.getMessage());

        Path network = dir.resolve("target-network.params");
        byte[] weights = Files.readAllBytes(network);
        Files.write(network, Arrays.copyOf(weights, weights.length - 9));
        CheckpointException corrupt = assertThrows(CheckpointException.class, () -> DqnAgent.load(dir));
        assertTrue(corrupt.getMessage().startsWith("corrupt checkpoint file " + network), corrupt.getMessage());
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
