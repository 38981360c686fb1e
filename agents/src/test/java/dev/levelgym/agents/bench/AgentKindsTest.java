package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.RandomTrainableAgent;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.tabular.QLearningAgent;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentKindsTest {

    @TempDir
    Path tmp;

    private final AgentKinds kinds = AgentKinds.standard();

    @Test
    void buildsAgentsByNameAndLoadsThemByManifestKind() {
        Env<?, ?> lake = Registry.standard().make("FrozenLake-v1");
        assertEquals(List.of("random", "q-learning", "dqn", "ppo"), List.copyOf(kinds.names()));
        TrainableAgent<?> q = kinds.create("q-learning", "FrozenLake-v1", lake, null, 0);
        q.save(tmp.resolve("q"));
        assertInstanceOf(QLearningAgent.class, kinds.load(tmp.resolve("q"), lake));
        TrainableAgent<?> random = kinds.create("random", "FrozenLake-v1", lake, null, 0);
        random.save(tmp.resolve("r"));
        assertInstanceOf(RandomTrainableAgent.class, kinds.load(tmp.resolve("r"), lake));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kinds.create("dqn", "FrozenLake-v1", lake, null, 0));
        assertTrue(e.getMessage().contains("Box") && e.getMessage().contains("Discrete(16)"), e.getMessage());
        IllegalArgumentException ppo = assertThrows(IllegalArgumentException.class,
                () -> kinds.create("ppo", "FrozenLake-v1", lake, null, 0));
        assertTrue(ppo.getMessage().contains("PPO needs a Box"), ppo.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> kinds.create("a2c", "FrozenLake-v1", lake, null, 0));
        assertTrue(unknown.getMessage().contains("available: random, q-learning, dqn, ppo"), unknown.getMessage());
    }

    @Test
    void aDqnCheckpointForOtherSpacesIsRefusedNamingTheFile() {
        Env<?, ?> pole = Registry.standard().make("CartPole-v1");
        JsonNode tiny = Checkpoints.JSON.createObjectNode().set("hiddenSizes",
                Checkpoints.JSON.createArrayNode().add(4));
        try (TrainableAgent<?> dqn = kinds.create("dqn", "CartPole-v1", pole, tiny, 0)) {
            dqn.save(tmp.resolve("dqn"));
        }
        try (TrainableAgent<?> same = kinds.load(tmp.resolve("dqn"), pole)) {
            assertEquals(0, same.steps());
        }
        // Same kind of observation (a Box), other shape: the network cannot take it.
        Env<?, ?> dungeon = Registry.standard().make("Dungeon-v0");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> kinds.load(tmp.resolve("dqn"), dungeon));
        assertTrue(e.getMessage().startsWith(tmp.resolve("dqn").resolve("manifest.json") + ": the CartPole-v1 agent "
                + "saved here observes Box("), e.getMessage());
    }

    @Test
    void yamlConfigFieldsOverrideTheDefaults() throws IOException {
        Path file = tmp.resolve("q.yaml");
        Files.writeString(file, "learningRate: 0.5\ngamma: 0.9\ndiscretizer:\n  low: [-1, -1, -1, -1]\n"
                + "  high: [1, 1, 1, 1]\n  bins: [2, 2, 2, 2]\n");
        JsonNode config = AgentConfigFiles.read(file);
        QLearningAgent<?> agent = (QLearningAgent<?>) kinds.create("q-learning", "CartPole-v1",
                Registry.standard().make("CartPole-v1"), config, 0);
        assertEquals(0.5, agent.config().learningRate());
        assertEquals(0.9, agent.config().gamma());
        assertEquals(0.05, agent.config().epsilonEnd());
        assertEquals(16, agent.encoder().numStates());
    }

    @Test
    void cartPoleGetsTheDocumentedDefaultDiscretizer() {
        QLearningAgent<?> agent = (QLearningAgent<?>) kinds.create("q-learning", "CartPole-v1",
                Registry.standard().make("CartPole-v1"), null, 0);
        assertEquals(DefaultDiscretizers.CART_POLE, agent.encoder());
    }

    @Test
    void theConfigsInTheRepositoryBuildAgentsForTheirEnvs() throws IOException {
        // configs/*.yaml are the README's measured runs; a renamed field must not leave them unreadable.
        Path configs = Path.of("..", "configs");
        List<Path> files;
        try (var listing = Files.list(configs)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "configs: " + files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String kind = name.substring(0, name.indexOf('-'));
            String envId = name.startsWith("dqn-platformer") ? "Platformer-v0" : "Dungeon-v0";
            Env<?, ?> env = Registry.standard().make(envId);
            JsonNode config = AgentConfigFiles.read(file);
            if (kind.equals("dqn")) {
                // The real 100k buffer of 1287-float maps would need 1 GB; its size is not what is checked here.
                ((com.fasterxml.jackson.databind.node.ObjectNode) config).put("bufferSize", 100);
            }
            try (TrainableAgent<?> agent = kinds.create(kind, envId, env, config, 0)) {
                Object record = agent instanceof dev.levelgym.agents.dqn.DqnAgent d ? d.config()
                        : ((dev.levelgym.agents.ppo.PpoAgent) agent).config();
                JsonNode built = dev.levelgym.agents.checkpoint.Checkpoints.JSON.valueToTree(record);
                config.fieldNames().forEachRemaining(field -> assertEquals(config.get(field).toString(),
                        built.get(field).toString(), file + ": " + field));
            }
        }
    }

    @Test
    void aMapObservationIsRefusedForTabularQLearningWithAPointerToDqn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kinds.create("q-learning", "Dungeon-v0", Registry.standard().make("Dungeon-v0"), null, 0));
        assertTrue(e.getMessage().contains("1287 dimensions") && e.getMessage().contains("--agent dqn"),
                e.getMessage());
    }

    @Test
    void badConfigsAreOneLineErrorsNamingTheAgent() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"learningRat\": 0.5}");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> kinds.create("q-learning", "FrozenLake-v1", Registry.standard().make("FrozenLake-v1"),
                        AgentConfigFiles.read(file), 0));
        assertTrue(unknown.getMessage().startsWith("q-learning config: ") && unknown.getMessage().contains("learningRat"),
                unknown.getMessage());
        Files.writeString(file, "{\"learningRate\": 2}");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> kinds.create("q-learning", "FrozenLake-v1", Registry.standard().make("FrozenLake-v1"),
                        AgentConfigFiles.read(file), 0));
        assertTrue(range.getMessage().contains("learningRate must be in (0, 1]"), range.getMessage());
    }
}
