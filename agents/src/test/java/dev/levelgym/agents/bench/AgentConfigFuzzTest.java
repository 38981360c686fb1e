package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.dqn.DqnConfig;
import dev.levelgym.agents.ppo.PpoConfig;
import dev.levelgym.agents.tabular.QLearningConfig;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.testing.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Agent config files ({@code --config FILE.yaml|.json}) as a user might get them wrong, or an attacker write them:
 * 100,000 YAML and JSON documents per run (seeded), mutated from the repository's configs and random, each read and
 * taken as the config of every agent kind (PPO's IMPALA settings included). Each must be accepted or refused as a
 * user error naming the file or key, without hanging or exhausting memory (YAML alias bombs included).
 */
class AgentConfigFuzzTest {

    @Test
    @Timeout(300)
    void yamlAndJsonAgentConfigs() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (var files = Files.list(Path.of("..", "configs"))) {
            for (Path f : files.sorted().toList()) {
                seeds.add(Files.readString(f));
            }
        }
        seeds.add("learningRate: 0.5\ndiscretizer: {low: [-2.4, -3, -0.21, -3.5], high: [2.4, 3, 0.21, 3.5], "
                + "bins: [1, 4, 8, 10]}\n");
        seeds.add("{\"numSteps\": 64, \"hiddenSizes\": [16], \"network\": \"MLP\", \"annealLr\": false}");
        seeds.add("{\"batchSize\": 32, \"bufferSize\": 5000, \"hiddenSizes\": [32, 32]}");
        seeds.add("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
        List<String> tokens = List.of(":", ": ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "\"", "'", "#", "&a ",
                "*a", "<<: *a", "!!binary ", "!!java.lang.Object ", "!!float ", "? ", "---\n", "...\n", "%YAML 1.2\n",
                "|\n", ">\n", "null", "~", "true", ".inf", ".nan", "1e308", "-1", "2147483648", "100000000",
                "batchSize", "bufferSize", "hiddenSizes", "networkType", "CONV", "VALUE_ITERATION", "numSteps",
                "numMinibatches", "discretizer", "bins", "learningRate", "gamma", "\t", "\u0000", "\uFEFF",
                "network", "IMPALA", "MLP", "convDepths", "hiddenSize", "residualBlocks", "updateEpochs", "annealLr",
                "[16, 32, 32]", "[4096, 4096, 4096]", "256", "4", "5");
        AgentKinds kinds = AgentKinds.standard();
        Path yaml = Path.of("fuzz.yaml");
        Path json = Path.of("fuzz.json");
        int[] built = {0, 0};
        try (Env<?, ?> cartPole = CartPole.SPEC.make(); Env<?, ?> dungeon = Dungeon.SPEC.make()) {
            // Every kind reads every document (a config for one kind is refused by the others' unknown keys, so one
            // kind's refusal must not keep the document from the next). The document counts as accepted if some
            // kind takes it, as refused (the first kind's error) if none does; any other failure fails the test.
            List<KindCheck> checks = List.of(
                    config -> kinds.create("q-learning", "CartPole-v1", cartPole, config.deepCopy(), 0).close(),
                    config -> {
                        AgentKind.configOf("dqn", DqnConfig.class, DqnConfig.defaults(), config);
                        // Networks cost milliseconds to build: only the first accepted configs go as far (memory
                        // checks).
                        if (built[0] < 100) {
                            built[0]++;
                            try (TrainableAgent<?> agent = kinds.create("dqn", "Dungeon-v0", dungeon, config, 0)) {
                                agent.steps();
                            }
                        }
                    },
                    config -> {
                        AgentKind.configOf("ppo", PpoConfig.class, PpoConfig.defaults(), config);
                        if (built[1] < 100) {
                            built[1]++;
                            try (TrainableAgent<?> agent = kinds.create("ppo", "Dungeon-v0", dungeon, config, 0)) {
                                agent.steps();
                            }
                        }
                    },
                    config -> AgentKind.configOf("q-learning", QLearningConfig.class, QLearningConfig.defaults(),
                            config));
            System.out.println(Fuzz.of("agent-config", 50L, seeds, tokens).run(100_000, input -> {
                String text = new String(input, StandardCharsets.UTF_8);
                JsonNode config = AgentConfigFiles.parse(text, text.trim().startsWith("{") ? json : yaml);
                UserInputException refused = null;
                boolean accepted = false;
                for (KindCheck check : checks) {
                    try {
                        check.run(config);
                        accepted = true;
                    } catch (UserInputException e) {
                        refused = refused == null ? e : refused;
                    }
                }
                if (!accepted) {
                    throw refused;
                }
            }));
        }
    }

    @FunctionalInterface
    private interface KindCheck {
        void run(JsonNode config) throws Exception;
    }
}
