package dev.levelgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKind;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.envs.Env;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The agent kinds the CLI offers (levelgym's own and any found on the class path, e.g. rl4j-dqn from the RL4J
 * plugin), for option help and completion. Without the RL4J plugin, rl4j-dqn is still listed, and using it says how
 * to build the plugin.
 */
final class AgentNames implements Iterable<String> {

    /** The kind the RL4J plugin registers (Rl4jDqnAgent.KIND, which the CLI cannot see without the plugin). */
    static final String RL4J_DQN = "rl4j-dqn";

    /**
     * The installed kinds ({@link AgentKinds#installed()}, looked up on each call so extension jars on the context
     * class loader count), plus, without the RL4J plugin, an rl4j-dqn whose use names the plugin's build step.
     */
    static AgentKinds kinds() {
        AgentKinds installed = AgentKinds.installed();
        if (installed.names().contains(RL4J_DQN)) {
            return installed;
        }
        return installed.with(new AgentKind() {
            @Override
            public String name() {
                return RL4J_DQN;
            }

            @Override
            public TrainableAgent<?> create(String envId, Env<?, Integer> env, JsonNode config, long seed) {
                Plugin.RL4J.require("agent " + RL4J_DQN);
                throw new IllegalStateException("the RL4J plugin is installed but did not register " + RL4J_DQN);
            }

            @Override
            public TrainableAgent<?> load(Path dir, Env<?, Integer> env) {
                return create(null, env, null, 0);
            }
        });
    }

    @Override
    public Iterator<String> iterator() {
        return kinds().names().iterator();
    }
}
