package dev.levelgym.agents.bench;

import java.util.List;

/**
 * Agent kinds from a jar, found with {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/dev.levelgym.agents.bench.AgentKindProvider}, and {@link AgentKinds#installed()} (what
 * every command and the demo use) offers its kinds whenever the jar is on the class path. levelgym's own kinds come
 * the same way, from {@link StandardAgentKinds}; agents-rl4j adds "rl4j-dqn". Implementations need a public
 * no-argument constructor.
 */
public interface AgentKindProvider {

    /** The kinds this jar adds; their names must differ from every other provider's. */
    List<AgentKind> agentKinds();
}
