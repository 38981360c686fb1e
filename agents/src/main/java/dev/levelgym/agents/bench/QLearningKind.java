package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.tabular.Discretizer;
import dev.levelgym.agents.tabular.QLearningAgent;
import dev.levelgym.agents.tabular.QLearningConfig;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.file.Path;

/**
 * "q-learning": {@link QLearningAgent} with {@link QLearningConfig}'s fields as its config, plus an optional
 * {@code discretizer: {low: [...], high: [...], bins: [...]}} for Box observations (else
 * {@link DefaultDiscretizers}).
 */
final class QLearningKind implements AgentKind {

    @Override
    public String name() {
        return QLearningAgent.KIND;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TrainableAgent<?> create(String envId, Env<?, Integer> env, JsonNode config, long seed) {
        JsonNode discretizerNode = null;
        JsonNode rest = config;
        if (config != null && config.isObject() && config.has("discretizer")) {
            rest = config.deepCopy();
            discretizerNode = ((ObjectNode) rest).remove("discretizer");
        }
        QLearningConfig q = AgentKind.configOf(name(), QLearningConfig.class, QLearningConfig.defaults(), rest);
        Discrete actions = (Discrete) env.actionSpace();
        if (env.observationSpace() instanceof Discrete) {
            return QLearningAgent.forDiscrete(envId, (Env<Integer, Integer>) env, q);
        }
        if (env.observationSpace() instanceof Box box) {
            Discretizer discretizer = discretizerNode == null ? DefaultDiscretizers.forBox(envId, box)
                    : AgentKind.configOf(name() + " discretizer", Discretizer.class, null, discretizerNode);
            return new QLearningAgent<>(envId, discretizer, actions, q);
        }
        throw new UserInputException("q-learning needs Discrete or flat Box observations, got "
                + env.observationSpace());
    }

    @Override
    public TrainableAgent<?> load(Path dir, Env<?, Integer> env) {
        return env.observationSpace() instanceof Discrete ? QLearningAgent.load(dir, Integer.class)
                : QLearningAgent.load(dir, float[].class);
    }
}
