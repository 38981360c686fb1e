package dev.levelgym.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.bench.EvalResult;
import dev.levelgym.agents.bench.Evaluation;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The learning test: CleanRL's ppo.py defaults (4 copies) solve CartPole-v1 within the benchmark's 200k steps. */
@Tag("learning")
class PpoCartPoleTest {

    /**
     * Evaluates the greedy policy every 10k steps, as a benchmark does, and passes at the first evaluation with a
     * mean return of at least 475 over 20 episodes (the env's threshold).
     */
    @Test
    void cleanRlDefaultsSolveCartPoleWithin200kSteps() {
        long total = 200_000;
        try (PpoAgent agent = PpoAgent.create("CartPole-v1", CartPole.SPEC.make(), PpoConfig.defaults());
             VectorEnv train = SyncVectorEnv.of(CartPole.SPEC, 4, Map.of());
             VectorEnv eval = SyncVectorEnv.of(CartPole.SPEC, 4, Map.of())) {
            double best = 0;
            for (long stop = 10_000; stop <= total && best < 475; stop += 10_000) {
                agent.train(train, total, 1, stop, e -> { });
                EvalResult r = Evaluation.run(agent, eval, 20, Evaluation.DEFAULT_SEED,
                        CartPole.SPEC.rewardThreshold());
                best = Math.max(best, r.mean());
            }
            assertTrue(best >= 475, "best greedy mean " + best + " after " + agent.steps() + " steps");
        }
    }
}
