package dev.levelgym.envs.registry;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code -o KEY=VALUE} options as a command line passes them (strings), for every registered env: 100,000 option
 * sets per run (seeded), mutated from valid ones. Each must make the env, or be refused as a user error naming the
 * option; an env that is made is reset once if its observations are small enough to reset quickly.
 */
class OptionsFuzzTest {

    @Test
    @Timeout(300)
    void envOptionsFromTheCommandLine() {
        Registry registry = Registry.standard();
        List<String> ids = registry.specs().stream().map(EnvSpec::id).toList();
        // One line per option set: ENV_ID;key=value;key=value ("level" is left out: it names files, fuzzed apart).
        List<String> seeds = List.of("CartPole-v1;integrator=euler;sutton_barto_reward=true",
                "FrozenLake-v1;is_slippery=false;map_name=8x8",
                "FrozenLake-v1;desc=SFFF,FHFH,FFFH,HFFG;success_rate=0.5",
                "Dungeon-v0;num_levels=200;start_level=5;width=13;height=9",
                "Dungeon-v0;view=egocentric;view_radius=4;reward_shaping=goal_distance;kill_reward=0",
                "Platformer-v0;width=40;num_levels=3;view_rows=14;view_cols=16;max_episode_steps=100",
                "Platformer-v1;width=40;height=20;num_levels=3;start_level=9;view_rows=20;view_cols=16",
                "Platformer-v1;height=12;max_episode_steps=100",
                "FrozenLake8x8-v1;max_episode_steps=7");
        List<String> tokens = List.of(";", "=", "width=", "height=", "view_radius=", "view_rows=", "view_cols=",
                "num_levels=", "start_level=", "max_episode_steps=", "desc=", "map_name=", "is_slippery=",
                "success_rate=", "kill_reward=", "view=", "reward_shaping=", "integrator=", "2147483647",
                "-2147483648", "9223372036854775807", "1e400", "NaN", "-0.0", "Infinity", "true", "TRUE", "yes",
                "egocentric", "full", "semi-implicit", ",", "S", "G", "H", "F", "", " ", "1048577", "1024");
        System.out.println(Fuzz.of("env-options", 40L, seeds, tokens).run(100_000, input -> {
            String[] parts = new String(input, StandardCharsets.UTF_8).split(";", -1);
            String id = ids.contains(parts[0]) ? parts[0] : ids.get(Math.floorMod(parts[0].hashCode(), ids.size()));
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
                if (!key.equals("level")) {
                    options.put(key, eq < 0 ? "" : parts[i].substring(eq + 1));
                }
            }
            try (Env<?, ?> env = registry.make(id, options)) {
                // Resetting makes the first level: quick, unless the options ask for a level thousands wide, which
                // is a slow request rather than a hang (a 70,000-column level takes seconds to generate and solve).
                boolean large = options.values().stream().anyMatch(v -> v.strip().matches("\\d{4,}"));
                if (!large && (!(env.observationSpace() instanceof Box box) || box.size() <= 20_000)) {
                    env.reset(7);
                }
            }
        }));
    }
}
