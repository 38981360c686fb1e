package org.example.corridor;

import dev.levelgym.agents.RandomTrainableAgent;
import dev.levelgym.agents.bench.AgentKind;
import dev.levelgym.agents.bench.AgentKindProvider;
import dev.levelgym.envs.spaces.Discrete;
import java.util.List;

/**
 * Registers the agent kind "example-random"; listed in META-INF/services/dev.levelgym.agents.bench.AgentKindProvider.
 * Its factory returns levelgym's random baseline to keep the example short: yours returns your own
 * {@code TrainableAgent}, built from your config record (here {@link ExampleConfig}, which has no fields: the
 * fields of yours are what a user may set in an agent config file, over your defaults).
 */
public final class CorridorAgentKinds implements AgentKindProvider {

    public static final String KIND = "example-random";

    /** The agent's hyperparameters: the fields a user may set in its config file, with their defaults. */
    public record ExampleConfig() {
    }

    @Override
    public List<AgentKind> agentKinds() {
        return List.of(AgentKind.of(KIND, ExampleConfig.class, new ExampleConfig(),
                (envId, env, config, seed) -> new RandomTrainableAgent<>(envId, (Discrete) env.actionSpace()),
                (dir, env) -> RandomTrainableAgent.load(dir)));
    }
}
