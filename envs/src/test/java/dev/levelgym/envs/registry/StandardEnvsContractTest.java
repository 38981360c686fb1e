package dev.levelgym.envs.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.check.EnvCheckReport;
import dev.levelgym.envs.check.EnvChecker;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every installed environment, with its default options and in its other main configurations, honours the Env
 * contract as the checker sees it. The list comes from the registry, so an env is tested by registering it.
 */
class StandardEnvsContractTest {

    /** Configurations besides the defaults, for the envs that have options worth checking apart. */
    private static final Map<String, Map<String, Object>[]> MORE = Map.of(
            "CartPole-v1", configs(Map.of("integrator", "semi-implicit", "sutton_barto_reward", true)),
            "FrozenLake-v1", configs(Map.of("is_slippery", false)),
            "Dungeon-v0", configs(Map.of("num_levels", 5, "start_level", 100),
                    Map.of("view", "egocentric", "view_radius", 3)),
            "Platformer-v0", configs(Map.of("num_levels", 5, "start_level", 100, "width", 40),
                    Map.of("view_rows", 7, "view_cols", 9)),
            "Platformer-v1", configs(Map.of("num_levels", 5, "start_level", 100, "width", 40, "height", 12),
                    Map.of("height", 20, "view_rows", 7, "view_cols", 9)));

    @SafeVarargs
    private static Map<String, Object>[] configs(Map<String, Object>... options) {
        return options;
    }

    static Stream<Arguments> configurations() {
        return Registry.installed().specs().stream().flatMap(spec -> Stream.concat(
                Stream.of(Arguments.of(spec.id(), Map.of())),
                Stream.of(MORE.getOrDefault(spec.id(), configs())).map(o -> Arguments.of(spec.id(), o))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void passesTheEnvChecker(String id, Map<String, Object> options) {
        for (long seed : new long[] {0, 1, 123456789}) {
            EnvCheckReport report = EnvChecker.check(Registry.installed().make(id, options), seed);
            assertTrue(report.passed(), report.summary());
        }
    }

    @Test
    void everyExtraConfigurationIsForAnInstalledEnv() {
        Set<String> installed = Registry.installed().specs().stream().map(EnvSpec::id).collect(Collectors.toSet());
        assertTrue(installed.containsAll(MORE.keySet()), installed + " lacks some of " + MORE.keySet());
    }
}
