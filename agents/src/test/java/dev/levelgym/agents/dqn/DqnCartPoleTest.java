package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.Episode;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.cartpole.CartPole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The learning test: rl-baselines3-zoo's CartPole-v1 set solves CartPole-v1 within the zoo's 50k steps. */
@Tag("learning")
class DqnCartPoleTest {

    static final long TOTAL_STEPS = 50_000;
    static final long SEED = 1;

    /**
     * Trains in chunks of 2 500 steps and evaluates the greedy policy after each from 20k steps on, as the zoo's
     * EvalCallback does; passes at the first evaluation with a mean of at least 475 (the env's reward threshold).
     * The policy of DQN on CartPole oscillates: measured over seeds 1–4, each reached 500 by 27.5k–45k steps (seed 1: 27.5k), but
     * the policy at exactly 50k scored 284–500, so asserting on the last policy alone would be flaky.
     */
    @Test
    void defaultConfigSolvesCartPoleWithin50kSteps() {
        Env<float[], Integer> env = CartPole.SPEC.make();
        try (DqnAgent agent = DqnAgent.create("CartPole-v1", env, DqnConfig.defaults())) {
            List<Episode> episodes = new ArrayList<>();
            long start = System.nanoTime();
            double best = Double.NEGATIVE_INFINITY;
            for (long stopAt = 20_000; stopAt <= TOTAL_STEPS && best < 475.0; stopAt += 2_500) {
                agent.train(env, TOTAL_STEPS, SEED, stopAt, episodes::add);
                best = Math.max(best, evaluate(agent, 20, 10_000));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double updateSeconds = agent.updateSeconds();
            double envSeconds = seconds - updateSeconds;
            System.out.printf("DQN CartPole-v1 seed %d: greedy mean over 20 episodes = %.1f after %d steps, %d"
                            + " updates, %d episodes, %.1f s (%.0f env steps/s outside updates, %.0f updates/s);"
                            + " run fingerprint %08x%n",
                    SEED, best, agent.steps(), agent.updates(), agent.episodes(), seconds,
                    agent.steps() / envSeconds, agent.updates() / updateSeconds, fingerprint(agent, episodes));
            assertTrue(best >= 475.0, "best mean greedy return " + best + " < 475 within " + TOTAL_STEPS + " steps");
        }
    }

    /** A hash of the episodes and of Q-values at a fixed state: equal across processes iff the runs are identical. */
    static int fingerprint(DqnAgent agent, List<Episode> episodes) {
        return 31 * episodes.hashCode() + java.util.Arrays.hashCode(agent.qValues(new float[] {0.1f, -0.2f, 0.03f,
                0.4f}));
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
