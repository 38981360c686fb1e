package dev.levelgym.envs.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.check.EnvCheckReport;
import dev.levelgym.envs.check.EnvChecker;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in environment, in its main configurations, honours the Env contract as the checker sees it. */
class StandardEnvsContractTest {

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("CartPole-v1", Map.of()),
                Arguments.of("CartPole-v1", Map.of("integrator", "semi-implicit", "sutton_barto_reward", true)),
                Arguments.of("FrozenLake-v1", Map.of()),
                Arguments.of("FrozenLake-v1", Map.of("is_slippery", false)),
                Arguments.of("FrozenLake8x8-v1", Map.of()),
                Arguments.of("Dungeon-v0", Map.of()),
                Arguments.of("Dungeon-v0", Map.of("num_levels", 5, "start_level", 100)),
                Arguments.of("Dungeon-v0", Map.of("view", "egocentric", "view_radius", 3)),
                Arguments.of("Platformer-v0", Map.of()),
                Arguments.of("Platformer-v0", Map.of("num_levels", 5, "start_level", 100, "width", 40)),
                Arguments.of("Platformer-v0", Map.of("view_rows", 7, "view_cols", 9)),
                Arguments.of("Platformer-v1", Map.of()),
                Arguments.of("Platformer-v1", Map.of("num_levels", 5, "start_level", 100, "width", 40, "height", 12)),
                Arguments.of("Platformer-v1", Map.of("height", 20, "view_rows", 7, "view_cols", 9)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void passesTheEnvChecker(String id, Map<String, Object> options) {
        for (long seed : new long[] {0, 1, 123456789}) {
            EnvCheckReport report = EnvChecker.check(Registry.standard().make(id, options), seed);
            assertTrue(report.passed(), report.summary());
        }
    }
}
