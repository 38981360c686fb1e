package dev.levelgym.agents.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.RandomAgent;
import dev.levelgym.agents.TrainingLoop;
import dev.levelgym.agents.tabular.QLearningAgent;
import dev.levelgym.agents.tabular.QLearningConfig;
import dev.levelgym.agents.tabular.UpdateRule;
import dev.levelgym.agents.testing.LegacyCheckpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.spaces.Discrete;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path tmp;

    private QLearningAgent<Integer> agent;

    @BeforeEach
    void trainBriefly() {
        Env<Integer, Integer> env = FrozenLake.SPEC.make(Map.of("is_slippery", true));
        agent = QLearningAgent.forDiscrete("FrozenLake-v1", env,
                QLearningConfig.defaults().withGamma(0.95).withUpdateRule(UpdateRule.SARSA));
        agent.train(env, 5_000, 42, 1_234, EpisodeListener.NONE);
    }

    private List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTripRestoresTableConfigCountersAndPolicy() {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        QLearningAgent<Integer> loaded = QLearningAgent.load(dir, Integer.class);
        assertArrayEquals(agent.qTable(), loaded.qTable());
        assertEquals(agent.config(), loaded.config());
        assertEquals(agent.encoder(), loaded.encoder());
        assertEquals(1_234, loaded.steps());
        assertEquals(agent.episodes(), loaded.episodes());
        assertArrayEquals(agent.greedyPolicy(), loaded.greedyPolicy());
        // The generator is restored too: both explore identically from here.
        for (int i = 0; i < 50; i++) {
            assertEquals(agent.act(i % 16, true), loaded.act(i % 16, true));
        }
    }

    @Test
    void manifestDescribesTheCheckpoint() throws IOException {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        assertEquals(List.of("agent.json", "manifest.json", "q-table.bin", TrainingLoop.FILE), listing(dir));
        JsonNode manifest = Checkpoints.JSON.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("q-learning", manifest.get("kind").asText());
        assertEquals("FrozenLake-v1", manifest.get("envId").asText());
        assertEquals(1_234, manifest.get("steps").asLong());
        assertEquals(agent.episodes(), manifest.get("episodes").asLong());
        assertEquals(Manifest.FORMAT, manifest.get("format").asInt());
        // Maven filters the version resource, so a build stamps its real version.
        assertTrue(manifest.get("levelgymVersion").asText().matches("\\d+\\.\\d+\\.\\d+.*"),
                manifest.get("levelgymVersion").asText());
        JsonNode hp = manifest.get("hyperparameters");
        assertEquals(0.95, hp.get("gamma").asDouble());
        assertEquals(0.1, hp.get("learningRate").asDouble());
        assertEquals("SARSA", hp.get("updateRule").asText());
    }

    @Test
    void saveLeavesNoTemporaryDirectoriesAndReplacesAnExistingCheckpoint() throws IOException {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        Files.writeString(dir.resolve("stale.txt"), "from an older save");
        agent.save(dir);
        assertEquals(List.of("agent"), listing(tmp));
        assertFalse(Files.exists(dir.resolve("stale.txt")), "the old directory must be replaced, not merged");
        assertEquals(List.of("agent.json", "manifest.json", "q-table.bin", TrainingLoop.FILE), listing(dir));
    }

    @Test
    void failedSaveLeavesTheTargetAndNoTemporaryDirectory() throws IOException {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        byte[] before = Files.readAllBytes(dir.resolve("q-table.bin"));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoints.writeAtomically(dir, Manifest.of("test", "none", 0, 0,
                        Checkpoints.JSON.createObjectNode()), d -> {
                    Files.writeString(d.resolve("half.json"), "{");
                    throw new IOException("disk full");
                }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertEquals(List.of("agent"), listing(tmp));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("q-table.bin")));
    }

    @Test
    void savingOverAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("agent"), "not a directory");
        CheckpointException e = assertThrows(CheckpointException.class, () -> agent.save(file));
        assertTrue(e.getMessage().contains("it is a file"), e.getMessage());
        assertEquals(List.of("agent"), listing(tmp));
    }

    @Test
    void missingManifestIsNamed() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> QLearningAgent.load(dir, Integer.class));
        assertEquals("missing checkpoint file " + dir.resolve("manifest.json"), e.getMessage());
    }

    @Test
    void missingDirectoryIsNamed() {
        Path dir = tmp.resolve("nowhere");
        CheckpointException e = assertThrows(CheckpointException.class, () -> QLearningAgent.load(dir, Integer.class));
        assertEquals("no checkpoint at " + dir + ": not a directory", e.getMessage());
    }

    @Test
    void corruptManifestIsNamed() throws IOException {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        Files.writeString(dir.resolve("manifest.json"), "{\"kind\": \"q-learning\", ");
        CheckpointException e = assertThrows(CheckpointException.class, () -> QLearningAgent.load(dir, Integer.class));
        assertTrue(e.getMessage().startsWith("corrupt checkpoint file " + dir.resolve("manifest.json")),
                e.getMessage());
    }

    @Test
    void invalidHyperparametersAreNamed() throws IOException {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"gamma\" : 0.95", "\"gamma\" : 7"));
        CheckpointException edited = assertThrows(CheckpointException.class,
                () -> QLearningAgent.load(dir, Integer.class));
        assertEquals("corrupt checkpoint file " + manifest + ": its checksum does not match its content (it was "
                + "changed or damaged after it was written)", edited.getMessage());
        // A manifest of the format before digests (no files, no checksum) is checked field by field as it was.
        LegacyCheckpoints.stripDigests(manifest);
        CheckpointException e = assertThrows(CheckpointException.class, () -> QLearningAgent.load(dir, Integer.class));
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("gamma must be in [0, 1], got 7.0"), e.getMessage());
    }

    @Test
    void truncatedTableIsNamed() throws IOException {
        Path dir = tmp.resolve("agent");
        agent.save(dir);
        Path table = dir.resolve("q-table.bin");
        byte[] bytes = Files.readAllBytes(table);
        Files.write(table, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        CheckpointException e = assertThrows(CheckpointException.class, () -> QLearningAgent.load(dir, Integer.class));
        assertEquals("corrupt checkpoint: " + table + " is truncated: " + (bytes.length - 3) + " bytes, "
                + dir.resolve("manifest.json") + " records " + bytes.length, e.getMessage());
        // Without the digests (a checkpoint of an earlier levelgym) the reader still notices, by itself.
        LegacyCheckpoints.stripDigests(dir.resolve("manifest.json"));
        CheckpointException legacy = assertThrows(CheckpointException.class,
                () -> QLearningAgent.load(dir, Integer.class));
        assertEquals("corrupt checkpoint file " + table + ": truncated", legacy.getMessage());
    }

    @Test
    void otherKindsAndObservationTypesAreRefused() {
        Path random = tmp.resolve("random");
        new RandomAgent<Integer, Integer>(new Discrete(4), 1, "FrozenLake-v1").save(random);
        CheckpointException kind = assertThrows(CheckpointException.class,
                () -> QLearningAgent.load(random, Integer.class));
        assertEquals(random.resolve("manifest.json") + ": this is a 'random' checkpoint, not 'q-learning'",
                kind.getMessage());

        Path dir = tmp.resolve("agent");
        agent.save(dir);
        CheckpointException type = assertThrows(CheckpointException.class,
                () -> QLearningAgent.load(dir, float[].class));
        assertEquals(dir.resolve("agent.json") + ": the agent observes Integer, not float[]", type.getMessage());
    }
}
