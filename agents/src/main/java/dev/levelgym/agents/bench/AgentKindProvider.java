package dev.levelgym.agents.bench;

import java.util.List;

/**
 * Agent kinds from a module outside agents (e.g. agents-rl4j, which brings ND4J), found with
 * {@link java.util.ServiceLoader}: a module lists its implementation in
 * {@code META-INF/services/dev.levelgym.agents.bench.AgentKindProvider}, and {@link AgentKinds#installed()} offers its
 * kinds whenever the module is on the classpath. Implementations need a public no-argument constructor.
 */
public interface AgentKindProvider {

    /** The kinds this module adds; their names must differ from levelgym's own and each other's. */
    List<AgentKind> agentKinds();
}
