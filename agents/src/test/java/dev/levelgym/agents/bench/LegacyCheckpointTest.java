package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkpoints written before the training loop existed (see legacy-checkpoints/README.md) still act. */
class LegacyCheckpointTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LegacyCheckpointTest.class.getResource("/legacy-checkpoints/" + name).toURI());
    }

    @Test
    void oldCheckpointsLoadAndEvaluateButDoNotContinueTraining() throws URISyntaxException {
        for (String name : List.of("dqn-cartpole", "q-learning-frozenlake")) {
            Path dir = resource(name);
            String envId = AgentKinds.manifestEnvId(dir);
            Env<?, ?> env = Registry.standard().make(envId);
            try (TrainableAgent<?> agent = AgentKinds.standard().load(dir, env);
                 VectorEnv copies = SyncVectorEnv.of(Registry.standard().spec(envId), 2, Map.of())) {
                assertEquals(name.startsWith("dqn") ? 555 : 2345, agent.steps(), name);
                EvalResult result = Evaluation.run(agent, copies, 4, Evaluation.DEFAULT_SEED,
                        Registry.standard().spec(envId).rewardThreshold());
                assertEquals(4, result.episodes());
                CheckpointException e = assertThrows(CheckpointException.class,
                        () -> agent.train(copies, 10_000, 3, 10_000, episode -> { }));
                assertTrue(e.getMessage().contains("earlier levelgym"), e.getMessage());
            }
        }
    }
}
