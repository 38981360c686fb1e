package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.RandomTrainableAgent;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.dqn.DqnAgent;
import dev.levelgym.agents.dqn.DqnConfig;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.file.Path;
import java.util.List;

/** levelgym's own agent kinds (random, q-learning, dqn), provided like any other jar's ({@link AgentKindProvider}). */
public final class StandardAgentKinds implements AgentKindProvider {

    @Override
    public List<AgentKind> agentKinds() {
        return List.of(
                new AgentKind() {
                    @Override
                    public String name() {
                        return RandomTrainableAgent.KIND;
                    }

                    @Override
                    public TrainableAgent<?> create(String envId, Env<?, Integer> env, JsonNode config, long seed) {
                        if (config != null && !config.isNull() && !config.isEmpty()) {
                            throw new UserInputException("random agent takes no config, got " + config);
                        }
                        return new RandomTrainableAgent<>(envId, (Discrete) env.actionSpace());
                    }

                    @Override
                    public TrainableAgent<?> load(Path dir, Env<?, Integer> env) {
                        return RandomTrainableAgent.load(dir);
                    }
                },
                new QLearningKind(),
                AgentKind.of(DqnAgent.KIND, DqnConfig.class, DqnConfig.defaults(),
                        (id, env, c, s) -> DqnAgent.create(id, AgentKinds.floatObservations(env), c),
                        StandardAgentKinds::loadDqn));
    }

    /** The DQN agent at {@code dir}, refused by name if its network does not fit {@code env}'s spaces. */
    private static DqnAgent loadDqn(Path dir, Env<?, Integer> env) {
        DqnAgent agent = DqnAgent.load(dir);
        String mismatch = !agent.observationSpace().equals(env.observationSpace())
                ? "observes " + agent.observationSpace() + " but the env's observation space is " + env.observationSpace()
                : !agent.actionSpace().equals(env.actionSpace())
                ? "acts in " + agent.actionSpace() + " but the env's action space is " + env.actionSpace() : null;
        if (mismatch != null) {
            String message = dir.resolve(Checkpoints.MANIFEST) + ": the " + agent.envId() + " agent saved here "
                    + mismatch;
            agent.close();
            throw new CheckpointException(message);
        }
        return agent;
    }
}
