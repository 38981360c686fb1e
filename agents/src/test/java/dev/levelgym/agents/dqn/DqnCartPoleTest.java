package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.Episode;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.cartpole.CartPole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning test: rl-baselines3-zoo's CartPole-v1 set solves CartPole-v1 within the zoo's 50k steps. */
class DqnCartPoleTest {

    static final long TOTAL_STEPS = 50_000;
    static final long SEED = 1;

    @Test
    void defaultConfigSolvesCartPoleIn50kSteps() {
        Env<float[], Integer> env = CartPole.SPEC.make();
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", env, DqnConfig.defaults())) {
            List<Episode> episodes = new ArrayList<>();
            long start = System.nanoTime();
            agent.train(env, TOTAL_STEPS, SEED, episodes::add);
            double seconds = (System.nanoTime() - start) / 1e9;
            double updateSeconds = agent.updateSeconds();
            double envSeconds = seconds - updateSeconds;

            double mean = evaluate(agent, 20, 10_000);
            System.out.printf("DQN CartPole-v1 seed %d: %d steps, %d updates, %d episodes in %.1f s"
                            + " (%.0f env steps/s outside updates, %.0f updates/s); greedy mean over 20 = %.1f%n",
                    SEED, agent.steps(), agent.updates(), agent.episodes(), seconds, agent.steps() / envSeconds,
                    agent.updates() / updateSeconds, mean);
            assertTrue(mean >= 475.0, "mean greedy return " + mean + " < 475");
        }
    }

    /** Mean undiscounted return of greedy episodes reset with seeds {@code firstSeed, firstSeed + 1, ...}. */
    static double evaluate(DqnAgent agent, int count, long firstSeed) {
        Env<float[], Integer> env = CartPole.SPEC.make();
        double total = 0.0;
        for (int i = 0; i < count; i++) {
            float[] observation = env.reset(firstSeed + i).observation();
            while (true) {
                StepResult<float[]> result = env.step(agent.act(observation, false));
                total += result.reward();
                if (result.done()) {
                    break;
                }
                observation = result.observation();
            }
        }
        return total / count;
    }
}
