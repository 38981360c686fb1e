package dev.levelgym.agents.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.testing.LegacyCheckpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.io.FileDigests;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every agent kind's checkpoint records each file's length and SHA-256 in its manifest, and a load refuses, by
 * name, a file whose bytes changed, a truncated file and a missing one, and a manifest changed by hand, before
 * anything is loaded from it. A checkpoint from before the digests still loads, trusted as it always was.
 */
class CheckpointIntegrityTest {

    private static final AgentKinds KINDS = AgentKinds.standard();

    @TempDir
    Path tmp;

    /** A trained agent of {@code kind} saved to {@code dir}, small and quick, with Adam moments for the networks. */
    private static void trainAndSave(String kind, Path dir) throws IOException {
        JsonNode config = switch (kind) {
            case "dqn" -> Checkpoints.JSON.readTree("{\"bufferSize\": 2000, \"learningStarts\": 100, "
                    + "\"trainFreq\": 50, \"gradientSteps\": 4, \"hiddenSizes\": [16]}");
            case "ppo" -> Checkpoints.JSON.readTree("{\"numSteps\": 64, \"hiddenSizes\": [16]}");
            default -> null;
        };
        try (Env<?, ?> env = CartPole.SPEC.make();
             TrainableAgent<?> agent = KINDS.create(kind, "CartPole-v1", env, config, 3);
             VectorEnv copies = SyncVectorEnv.of(CartPole.SPEC, 1, Map.of())) {
            agent.train(copies, 300, 3, 300, e -> { });
            agent.save(dir);
        }
    }

    private static void load(Path dir) {
        try (Env<?, ?> env = CartPole.SPEC.make()) {
            KINDS.load(dir, env).close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "q-learning", "dqn", "ppo"})
    void everyChangedTruncatedOrMissingFileIsRefusedByName(String kind) throws IOException {
        Path dir = tmp.resolve(kind);
        trainAndSave(kind, dir);
        Path manifest = dir.resolve(Checkpoints.MANIFEST);
        Manifest recorded = Checkpoints.peekManifest(dir);
        List<String> files = listing(dir);
        assertEquals(files.stream().filter(f -> !f.equals(Checkpoints.MANIFEST)).toList(),
                List.copyOf(recorded.files().keySet()), "every file but the manifest is recorded");
        for (String name : recorded.files().keySet()) {
            Path file = dir.resolve(name);
            byte[] original = Files.readAllBytes(file);
            assertEquals(FileDigests.of(file), recorded.files().get(name));

            byte[] flipped = original.clone();
            flipped[flipped.length / 2] ^= 0x10;
            Files.write(file, flipped);
            assertRefused(dir, "corrupt checkpoint: " + file + " is corrupt: its SHA-256 differs from the one "
                    + manifest + " records (its bytes changed after it was written)");

            Files.write(file, java.util.Arrays.copyOf(original, original.length - 1));
            assertRefused(dir, "corrupt checkpoint: " + file + " is truncated: " + (original.length - 1) + " bytes, "
                    + manifest + " records " + original.length);

            Files.delete(file);
            assertRefused(dir, "corrupt checkpoint: missing file " + file + " (listed in " + manifest + ")");

            Files.write(file, original);
            load(dir);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"q-learning", "dqn"})
    void aManifestChangedByHandIsRefusedAndOneFromBeforeTheDigestsLoads(String kind) throws IOException {
        Path dir = tmp.resolve(kind);
        trainAndSave(kind, dir);
        Path manifest = dir.resolve(Checkpoints.MANIFEST);
        byte[] original = Files.readAllBytes(manifest);
        // One digit of the steps (300 → 390): valid JSON, a plausible value, and not what was saved.
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"steps\" : 300", "\"steps\" : 390"));
        assertRefused(dir, "corrupt checkpoint file " + manifest + ": its checksum does not match its content (it "
                + "was changed or damaged after it was written)");

        Files.write(manifest, original);
        LegacyCheckpoints.stripDigests(manifest);
        load(dir); // an earlier levelgym's checkpoint: no digests, trusted as before
        assertEquals(null, Checkpoints.peekManifest(dir).files());
    }

    private static void assertRefused(Path dir, String message) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> load(dir));
        assertEquals(message, e.getMessage());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
