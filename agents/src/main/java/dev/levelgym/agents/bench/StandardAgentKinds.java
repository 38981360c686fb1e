package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.RandomTrainableAgent;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.dqn.DqnAgent;
import dev.levelgym.agents.dqn.DqnConfig;
import dev.levelgym.agents.ppo.PpoAgent;
import dev.levelgym.agents.ppo.PpoConfig;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.nio.file.Path;
import java.util.List;

/** levelgym's own agent kinds (random, q-learning, dqn, ppo), provided like any other jar's ({@link AgentKindProvider}). */
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
                        (dir, env) -> {
                            DqnAgent agent = DqnAgent.load(dir);
                            return requireFits(dir, agent, agent.envId(), agent.observationSpace(),
                                    agent.actionSpace(), env);
                        }),
                AgentKind.of(PpoAgent.KIND, PpoConfig.class, PpoConfig.defaults(),
                        (id, env, c, s) -> PpoAgent.create(id, env, c),
                        (dir, env) -> {
                            PpoAgent agent = PpoAgent.load(dir);
                            return requireFits(dir, agent, agent.envId(), agent.observationSpace(),
                                    agent.actionSpace(), env);
                        }));
    }

    /** {@code agent}, loaded from {@code dir}; closed and refused by name if its network does not fit the env. */
    private static TrainableAgent<?> requireFits(Path dir, TrainableAgent<?> agent, String envId, Space<?> observes,
                                                 Space<?> acts, Env<?, Integer> env) {
        String mismatch = !observes.equals(env.observationSpace())
                ? "observes " + observes + " but the env's observation space is " + env.observationSpace()
                : !acts.equals(env.actionSpace())
                ? "acts in " + acts + " but the env's action space is " + env.actionSpace() : null;
        if (mismatch != null) {
            agent.close();
            throw new CheckpointException(dir.resolve(Checkpoints.MANIFEST) + ": the " + envId
                    + " agent saved here " + mismatch);
        }
        return agent;
    }
}
