package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.ppo.PpoAgent;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Network, batch, buffer and table sizes in agent configs are refused, naming the setting and the limit, before
 * any memory is spent on them: a DQN batchSize of 10^8 used to run to 10 GB and die in libtorch.
 */
class ConfigSizeLimitsTest {

    private static final AgentKinds KINDS = AgentKinds.standard();

    private static UserInputException refused(String kind, Env<?, ?> env, String config) throws IOException {
        JsonNode node = Checkpoints.JSON.readTree(config);
        return assertThrows(UserInputException.class, () -> KINDS.create(kind, "test-env", env, node, 0).close());
    }

    @Test
    void dqnBatchesLayersAndBuffersAreBounded() throws IOException {
        try (Env<?, ?> cartPole = CartPole.SPEC.make(); Env<?, ?> dungeon = Dungeon.SPEC.make()) {
            assertEquals("dqn config: batchSize must be in 1..65536, got 100000000",
                    refused("dqn", cartPole, "{\"batchSize\": 100000000}").getMessage());
            assertEquals("dqn config: hiddenSizes[1] must be positive and at most 4096, got 100000",
                    refused("dqn", cartPole, "{\"hiddenSizes\": [64, 100000]}").getMessage());
            UserInputException buffer = refused("dqn", dungeon, "{\"bufferSize\": 1000000000}");
            assertTrue(buffer.getMessage().startsWith("dqn config: a replay buffer of bufferSize 1000000000 "
                    + "transitions of 1287-float observations (and a batch of batchSize 64) needs 10308.0 GB of "
                    + "Java heap, more than 3/4 of the "), buffer.getMessage());
            assertTrue(buffer.getMessage().endsWith("this JVM may use (-Xmx); lower bufferSize, or give Java more "
                    + "memory (LEVELGYM_JAVA_OPTS=-Xmx...)"), buffer.getMessage());
            assertEquals("dqn config: batchSize 65536 x the widest layer's 479232 outputs makes 31406948352 floats "
                    + "per batch in one array, more than the limit of 268435456 (1 GiB); lower batchSize or the "
                    + "layer widths", refused("dqn", dungeon, "{\"batchSize\": 65536, \"networkType\": \"CONV\", "
                    + "\"convChannels\": [4096], \"bufferSize\": 1000}").getMessage());
        }
    }

    @Test
    void ppoMinibatchesAreBoundedWhenTheRunBegins() throws IOException {
        JsonNode config = Checkpoints.JSON.readTree("{\"numSteps\": 65536, \"numMinibatches\": 1}");
        try (Env<?, ?> dungeon = Dungeon.SPEC.make();
             TrainableAgent<?> agent = KINDS.create("ppo", "Dungeon-v0", dungeon, config, 0);
             VectorEnv copies = SyncVectorEnv.of(Dungeon.SPEC, 8, Map.of())) {
            UserInputException e = assertThrows(UserInputException.class,
                    () -> agent.train(copies, 1_000_000, 0, 1_000, ep -> { }));
            assertEquals("ppo config: minibatches of numSteps 65536 x 8 env copies / numMinibatches 1 = 524288 rows "
                    + "x the widest layer's 1287 outputs makes 674758656 floats per batch in one array, more than "
                    + "the limit of 268435456 (1 GiB); raise numMinibatches, or lower numSteps or --num-envs",
                    e.getMessage());
        }
    }

    @Test
    void theShippedPpoConfigsFitTheBudgetsOnSixtyFourDungeonCopies() throws IOException {
        // configs/ppo-*.yaml train with --num-envs 64: rollouts of 64 copies x 256 steps x 1287-float maps (84 MB of
        // heap) and IMPALA minibatches of 2,048 rows must pass the limits the run checks before it allocates them.
        for (String name : new String[] {"ppo-procgen.yaml", "ppo-dungeon.yaml"}) {
            JsonNode config = AgentConfigFiles.read(Path.of("..", "configs", name));
            try (Env<?, ?> dungeon = Dungeon.SPEC.make();
                 TrainableAgent<?> agent = KINDS.create("ppo", "Dungeon-v0", dungeon, config, 0);
                 VectorEnv copies = SyncVectorEnv.of(Dungeon.SPEC, 64, Map.of())) {
                PpoAgent ppo = (PpoAgent) agent;
                assertEquals(256, ppo.config().numSteps(), name);
                ppo.beginRun(copies, 0);
            }
        }
    }

    @Test
    void qTablesAreBounded() throws IOException {
        try (Env<?, ?> cartPole = CartPole.SPEC.make()) {
            UserInputException e = refused("q-learning", cartPole, "{\"discretizer\": {\"low\": [-1, -1, -1, -1], "
                    + "\"high\": [1, 1, 1, 1], \"bins\": [200, 200, 200, 200]}}");
            assertEquals("q-learning config: a Q-table of 1600000000 states x 2 actions is too large for one array; "
                    + "use fewer discretizer bins", e.getMessage());
            UserInputException heap = refused("q-learning", cartPole, "{\"discretizer\": {\"low\": [-1, -1, -1, -1],"
                    + " \"high\": [1, 1, 1, 1], \"bins\": [100, 100, 100, 100]}}");
            assertTrue(heap.getMessage().startsWith("q-learning config: a Q-table of 100000000 states x 2 actions "
                    + "needs 3.2 GB of Java heap"), heap.getMessage());
        }
    }
}
