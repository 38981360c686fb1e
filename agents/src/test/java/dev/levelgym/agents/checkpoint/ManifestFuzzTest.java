package dev.levelgym.agents.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSettings;
import dev.levelgym.agents.bench.EvalPolicy;
import dev.levelgym.agents.bench.RunFiles;
import dev.levelgym.agents.bench.RunSettings;
import dev.levelgym.agents.bench.TrainingRun;
import dev.levelgym.agents.testing.LegacyCheckpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.testing.Fuzz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint manifests and a run's JSON files, mutated from real ones (with digests, and without, as an earlier
 * levelgym wrote them) and random: each is read by the path a command reads it through, and must load or be refused
 * as a user error ({@link CheckpointException} included) naming the file.
 */
class ManifestFuzzTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void checkpointManifests() throws IOException {
        Path run = tmp.resolve("run");
        RunSettings settings = new RunSettings("FrozenLake-v1", Map.of(), "q-learning", null, 2_000, 1, 1_000, 5,
                1_000);
        new TrainingRun(AgentKinds.standard(), Registry.standard()).start(settings, run, Long.MAX_VALUE,
                TrainingRun.Listener.NONE);
        Path checkpoint = run.resolve(RunFiles.CHECKPOINT);
        Path manifest = checkpoint.resolve(Checkpoints.MANIFEST);
        String sealed = Files.readString(manifest);
        LegacyCheckpoints.stripDigests(manifest);
        String legacy = Files.readString(manifest);
        List<String> tokens = List.of("\"kind\" : \"dqn\"", "\"kind\" : \"random\"", "\"format\" : 2", "\"files\" : {}",
                "\"checksum\" : \"00\"", "\"envId\" : \"CartPole-v1\"", "\"gamma\" : 7", "\"learningRate\" : -1",
                "\"episodes\" : -5", "\"steps\" : 9223372036854775807", "null", "[]", "{}", ",", ":", "\"", "\\u0000",
                "\"bytes\" : -1", "\"../../etc/passwd\" : {\"bytes\" : 1, \"sha256\" : \"ab\"}", "1e999");
        AgentKinds kinds = AgentKinds.standard();
        try (Env<?, ?> env = FrozenLake.SPEC.make()) {
            // Every input is parsed as a manifest is; the ones that parse are written and loaded as a checkpoint.
            System.out.println(Fuzz.of("checkpoint-manifest", 60L, List.of(sealed, legacy), tokens)
                    .allowing(CheckpointException.class).run(100_000, input -> {
                        Checkpoints.parseManifest(input, manifest);
                        Files.write(manifest, input);
                        try (TrainableAgent<?> agent = kinds.load(checkpoint, env)) {
                            agent.steps();
                        }
                    }));
        }
    }

    @Test
    @Timeout(300)
    void ppoCheckpointManifests() throws IOException {
        // PPO's manifest carries its PpoConfig (IMPALA fields, residualBlocks), and its checkpoint a training-loop
        // file; each input that parses is loaded with its network, so fewer inputs than for the Q-table.
        Path run = tmp.resolve("ppo-run");
        RunSettings settings = new RunSettings("CartPole-v1", Map.of(), "ppo", Checkpoints.JSON.readTree(
                "{\"numSteps\": 16, \"numMinibatches\": 2, \"updateEpochs\": 1, \"hiddenSizes\": [8]}"), 64, 1, 64, 2,
                32, 2, EvalPolicy.SAMPLE);
        new TrainingRun(AgentKinds.standard(), Registry.standard()).start(settings, run, Long.MAX_VALUE,
                TrainingRun.Listener.NONE).agent().close();
        Path checkpoint = run.resolve(RunFiles.CHECKPOINT);
        Path manifest = checkpoint.resolve(Checkpoints.MANIFEST);
        String sealed = Files.readString(manifest);
        LegacyCheckpoints.stripDigests(manifest);
        String legacy = Files.readString(manifest);
        List<String> tokens = List.of("\"kind\" : \"ppo\"", "\"network\" : \"IMPALA\"", "\"network\" : \"CNN\"",
                "\"residualBlocks\" : 9", "\"residualBlocks\" : null", "\"convDepths\" : [ 4096, 4096, 4096 ]",
                "\"hiddenSizes\" : [ 100000 ]", "\"hiddenSizes\" : [ ]", "\"numSteps\" : 65536", "\"hiddenSize\" : 0",
                "\"envId\" : \"Dungeon-v0\"", "\"steps\" : -1", "null", "[]", "{}", ",", ":", "\"", "1e999", "NaN");
        AgentKinds kinds = AgentKinds.standard();
        try (Env<?, ?> env = Registry.standard().make("CartPole-v1")) {
            System.out.println(Fuzz.of("ppo-manifest", 63L, List.of(sealed, legacy), tokens)
                    .allowing(CheckpointException.class).run(10_000, input -> {
                        Checkpoints.parseManifest(input, manifest);
                        Files.write(manifest, input);
                        try (TrainableAgent<?> agent = kinds.load(checkpoint, env)) {
                            agent.steps();
                        }
                    }));
        }
    }

    @Test
    @Timeout(300)
    void runAndBenchmarkSettings() throws IOException {
        Path run = tmp.resolve("run");
        RunSettings settings = new RunSettings("FrozenLake-v1", Map.of("is_slippery", "false"), "q-learning", null,
                2_000, 1, 1_000, 5, 1_000, 4, EvalPolicy.SAMPLE);
        Files.createDirectories(run);
        String runJson = Checkpoints.JSON.writeValueAsString(settings);
        // An earlier levelgym's run.json: no numEnvs, no evalPolicy.
        ObjectNode old = Checkpoints.JSON.valueToTree(new RunSettings("FrozenLake-v1", Map.of(), "q-learning", null,
                2_000, 1, 1_000, 5, 1_000));
        old.remove(List.of("numEnvs", "evalPolicy"));
        String oldRunJson = Checkpoints.JSON.writeValueAsString(old);
        String benchJson = "{\"envId\":\"FrozenLake-v1\",\"envOptions\":{},\"agents\":[\"random\",\"q-learning\"],"
                + "\"seeds\":2,\"steps\":1000,\"evalEvery\":500,\"evalEpisodes\":5,\"threads\":1,\"agentConfigs\":{},"
                + "\"checkpointEvery\":500,\"numEnvs\":1,\"testLevels\":null}";
        String procgenJson = "{\"envId\":\"Dungeon-v0\",\"envOptions\":{\"num_levels\":\"200\"},\"agents\":[\"ppo\"],"
                + "\"seeds\":3,\"steps\":25000000,\"evalEvery\":500000,\"evalEpisodes\":100,\"threads\":1,"
                + "\"agentConfigs\":{\"ppo\":{\"network\":\"IMPALA\",\"residualBlocks\":1}},\"checkpointEvery\":500000,"
                + "\"numEnvs\":64,\"testLevels\":\"levels/test\",\"evalPolicy\":\"SAMPLE\"}";
        List<String> tokens = List.of("null", "[]", "{}", ",", "\"", "-1", "0", "9223372036854775807", "\"steps\":",
                "\"numEnvs\":", "\"agent\":", "\"envId\":", "\"seeds\":", "\"agents\":[]", "1e999", "true",
                "\"evalPolicy\":", "\"SAMPLE\"", "\"GREEDY\"", "\"sample\"", "\"testLevels\":", "4097", "65536");
        Path runFile = run.resolve(RunFiles.RUN_JSON);
        int[] count = {0, 0};
        Path benchFile = run.resolve(BenchRunner.SETTINGS_FILE);
        // Parsed as the commands parse them; the first thousand also through the files, as --resume reads them.
        System.out.println(Fuzz.of("run-json", 61L, List.of(runJson, oldRunJson), tokens).allowing(CheckpointException.class)
                .run(100_000, input -> {
                    settings.resumeMismatch(Checkpoints.parseJson(input, runFile, RunSettings.class));
                    if (count[0]++ < 1_000) {
                        Files.write(runFile, input);
                        settings.resumeMismatch(TrainingRun.storedSettings(run));
                    }
                }));
        System.out.println(Fuzz.of("bench-json", 62L, List.of(benchJson, procgenJson), tokens).allowing(CheckpointException.class)
                .run(100_000, input -> {
                    Checkpoints.parseJson(input, benchFile, BenchSettings.class);
                    if (count[1]++ < 1_000) {
                        Files.write(benchFile, input);
                        BenchRunner.storedSettings(run);
                    }
                }));
    }
}
