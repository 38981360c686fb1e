package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levelgym.envs.registry.Providers;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardAgentKindsTest {

    @Test
    void theStandardKindsComeThroughServiceLoaderFirst() {
        assertEquals(List.of("random", "q-learning", "dqn", "ppo"), List.copyOf(AgentKinds.standard().names()));
        assertEquals(List.of(StandardAgentKinds.class), Providers.load(AgentKindProvider.class,
                getClass().getClassLoader(), StandardAgentKinds.class).stream().map(Object::getClass).toList(),
                "listed in META-INF/services like any other provider");
        List<String> installed = List.copyOf(AgentKinds.installed().names());
        assertEquals(List.copyOf(AgentKinds.standard().names()), installed.subList(0, 4));
    }
}
