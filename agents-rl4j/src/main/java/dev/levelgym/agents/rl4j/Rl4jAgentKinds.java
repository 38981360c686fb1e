package dev.levelgym.agents.rl4j;

import dev.levelgym.agents.bench.AgentKind;
import dev.levelgym.agents.bench.AgentKindProvider;
import java.util.List;

/** Offers "rl4j-dqn" ({@link Rl4jDqnAgent}, configured by {@link Rl4jDqnConfig}) to the harness and the CLI. */
public final class Rl4jAgentKinds implements AgentKindProvider {

    @Override
    public List<AgentKind> agentKinds() {
        return List.of(AgentKind.of(Rl4jDqnAgent.KIND, Rl4jDqnConfig.class, Rl4jDqnConfig.defaults(),
                (envId, env, config, seed) -> Rl4jDqnAgent.create(envId, env, config, seed), Rl4jDqnAgent::load));
    }
}
