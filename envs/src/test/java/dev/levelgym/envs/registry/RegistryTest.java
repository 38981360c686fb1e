package dev.levelgym.envs.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.testing.CounterEnv;
import dev.levelgym.envs.wrappers.OrderEnforcing;
import dev.levelgym.envs.wrappers.TimeLimit;
import dev.levelgym.envs.wrappers.Wrapper;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryTest {

    /** A factory that, like a real env, accepts only the options it knows. */
    private static EnvSpec<Integer, Integer> counterSpec(String id, OptionalInt maxSteps) {
        return new EnvSpec<>(id, options -> {
            options.requireOnly(id, Set.of("length"));
            return new CounterEnv(options.getInt("length", 50));
        }, maxSteps, OptionalDouble.of(10), new Options(Map.of("length", 50)));
    }

    @Test
    void unknownIdErrorListsTheRegisteredIds() {
        Registry registry = Registry.standard().with(counterSpec("Counter-v0", OptionalInt.empty()))
                .with(counterSpec("Counter-v1", OptionalInt.of(5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.make("Countr-v0"));
        assertTrue(e.getMessage().startsWith("unknown env id 'Countr-v0'; registered: "), e.getMessage());
        assertTrue(e.getMessage().contains("Counter-v0") && e.getMessage().contains("Counter-v1"), e.getMessage());
    }

    @Test
    void withReturnsANewRegistryAndRefusesDuplicates() {
        Registry base = Registry.standard();
        Registry extended = base.with(counterSpec("Counter-v0", OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> base.spec("Counter-v0"));
        assertEquals("Counter-v0", extended.spec("Counter-v0").id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> extended.with(counterSpec("Counter-v0", OptionalInt.empty())));
        assertEquals("env id registered twice: Counter-v0", e.getMessage());
    }

    @Test
    void idsMustBeVersioned() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> counterSpec("Counter", OptionalInt.empty()));
        assertTrue(e.getMessage().contains("Name-vN"), e.getMessage());
    }

    @Test
    void makeWrapsInOrderEnforcingAndTheSpecTimeLimit() {
        Env<Integer, Integer> env = counterSpec("Counter-v0", OptionalInt.of(4)).make();
        OrderEnforcing<?, ?> order = assertInstanceOf(OrderEnforcing.class, env);
        TimeLimit<?, ?> limit = assertInstanceOf(TimeLimit.class, ((Wrapper<?, ?>) order).inner());
        assertEquals(4, limit.maxEpisodeSteps());
        assertInstanceOf(CounterEnv.class, env.unwrapped());
    }

    @Test
    void maxEpisodeStepsOptionOverridesTheSpec() {
        Env<Integer, Integer> env = counterSpec("Counter-v0", OptionalInt.of(4))
                .make(Map.of(EnvSpec.MAX_EPISODE_STEPS, "2"));
        env.reset(0);
        assertFalse(env.step(0).truncated());
        assertTrue(env.step(0).truncated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("after the episode ended"), e.getMessage());
    }

    @Test
    void maxEpisodeStepsOptionAddsALimitWhereTheSpecHasNone() {
        Env<Integer, Integer> env = counterSpec("Counter-v0", OptionalInt.empty())
                .make(Map.of(EnvSpec.MAX_EPISODE_STEPS, 1));
        env.reset(0);
        assertTrue(env.step(0).truncated());
    }

    @Test
    void nonPositiveMaxEpisodeStepsOptionIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> counterSpec("Counter-v0", OptionalInt.empty()).make(Map.of(EnvSpec.MAX_EPISODE_STEPS, 0)));
        assertEquals("Counter-v0: option max_episode_steps must be positive, got 0", e.getMessage());
    }

    @Test
    void optionsOverrideKwargsAndUnknownOptionsAreRejected() {
        EnvSpec<Integer, Integer> spec = counterSpec("Counter-v0", OptionalInt.empty());
        Env<Integer, Integer> env = spec.make(Map.of("length", 1));
        env.reset(0);
        assertTrue(env.step(0).terminated(), "length 1 replaced the kwargs' 50");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec.make(Map.of("lenght", 3)));
        assertEquals("Counter-v0: unknown option(s) [lenght]; known options: [length]", e.getMessage());
    }

    @Test
    void registryMakeUsesTheSpec() {
        EnvSpec<Integer, Integer> spec = counterSpec("Counter-v0", OptionalInt.empty());
        Registry registry = Registry.standard().with(spec);
        assertSame(spec, registry.spec("Counter-v0"));
        assertTrue(registry.specs().contains(spec));
        assertInstanceOf(CounterEnv.class, registry.make("Counter-v0", Map.of("length", 2)).unwrapped());
    }

    @Test
    void installedIsTheStandardProviderFoundThroughServiceLoaderFirst() {
        List<String> standard = Registry.standard().specs().stream().map(EnvSpec::id).toList();
        assertEquals(List.of("CartPole-v1", "FrozenLake-v1", "FrozenLake8x8-v1", "Dungeon-v0", "Platformer-v0",
                "Platformer-v1"), standard);
        List<String> installed = Registry.installed().specs().stream().map(EnvSpec::id).toList();
        assertEquals(standard, installed.subList(0, standard.size()));
        assertEquals(List.of(StandardEnvs.class), Providers.load(EnvProvider.class,
                RegistryTest.class.getClassLoader(), StandardEnvs.class).stream().map(Object::getClass).toList(),
                "listed in META-INF/services like any other provider");
    }
}
