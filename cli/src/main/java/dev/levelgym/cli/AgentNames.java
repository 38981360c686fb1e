package dev.levelgym.cli;

import dev.levelgym.agents.bench.AgentKinds;
import java.util.Iterator;

/** The agent kinds the CLI offers, for option help and completion. */
final class AgentNames implements Iterable<String> {

    static final AgentKinds KINDS = AgentKinds.standard();

    @Override
    public Iterator<String> iterator() {
        return KINDS.names().iterator();
    }
}
