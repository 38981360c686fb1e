package dev.levelgym.cli;

import dev.levelgym.agents.bench.AgentKinds;
import java.util.Iterator;

/**
 * The agent kinds the CLI offers (levelgym's own and any found on the class path, e.g. rl4j-dqn), for option help
 * and completion.
 */
final class AgentNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return AgentKinds.installed().names().iterator();
    }
}
