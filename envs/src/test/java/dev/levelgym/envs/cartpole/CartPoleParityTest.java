package dev.levelgym.envs.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replays Gymnasium 1.4.0's recorded CartPole-v1 episodes through levelgym's CartPole-v1. */
class CartPoleParityTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void replayedEpisodesMatchGymnasiumStepByStep() {
        Map<Integer, List<CartPoleReference.Row>> episodes = CartPoleReference.episodes();
        assertEquals(20, episodes.size());
        int steps = 0;
        int inexactValues = 0;
        double worst = 0;
        int truncatedEpisodes = 0;
        for (List<CartPoleReference.Row> rows : episodes.values()) {
            Env<float[], Integer> env = CartPole.SPEC.make();
            env.reset(rows.get(0).seed());
            CartPole cartPole = (CartPole) env.unwrapped();
            cartPole.setState(rows.get(0).state());
            for (CartPoleReference.Row row : rows.subList(1, rows.size())) {
                StepResult<float[]> result = env.step(row.action());
                double[] state = cartPole.state();
                String where = "episode " + row.episode() + " t=" + row.t();
                for (int i = 0; i < 4; i++) {
                    double error = Math.abs(state[i] - row.state()[i]);
                    assertTrue(error <= TOLERANCE, where + " component " + i + ": expected " + row.state()[i]
                            + ", got " + state[i]);
                    worst = Math.max(worst, error);
                    if (Double.doubleToLongBits(state[i]) != Double.doubleToLongBits(row.state()[i])) {
                        inexactValues++;
                    }
                }
                assertArrayEquals(toFloat(state), result.observation(), 0f, where + " observation");
                assertEquals(row.reward(), result.reward(), 0.0, where + " reward");
                assertEquals(row.terminated(), result.terminated(), where + " terminated");
                assertEquals(row.truncated(), result.truncated(), where + " truncated");
                steps++;
            }
            assertTrue(rows.get(rows.size() - 1).terminated() || rows.get(rows.size() - 1).truncated(),
                    "every reference episode ends");
            if (rows.get(rows.size() - 1).truncated()) {
                truncatedEpisodes++;
            }
        }
        assertEquals(4000 - 20, steps);
        assertTrue(truncatedEpisodes > 0, "the reference exercises the 500-step time limit");
        System.out.printf("CartPole parity: %d steps, %d of %d state values not bit-identical, max error %.3g%n",
                steps, inexactValues, 4 * steps, worst);
        // Stronger than the 1e-12 contract: with glibc's sin/cos (GlibcTrig) the replay is bit-identical, and Java's
        // arithmetic (including Math.fma) is the same on every platform, so any difference is a regression.
        assertEquals(0, inexactValues, "state values that are within 1e-12 but not bit-identical");
    }

    @Test
    void resetWithSeedReproducesGymnasiumInitialStateExactly() {
        for (List<CartPoleReference.Row> rows : CartPoleReference.episodes().values()) {
            CartPoleReference.Row first = rows.get(0);
            Env<float[], Integer> env = CartPole.SPEC.make();
            ResetResult<float[]> reset = env.reset(first.seed());
            double[] state = ((CartPole) env.unwrapped()).state();
            for (int i = 0; i < 4; i++) {
                assertEquals(Double.doubleToLongBits(first.state()[i]), Double.doubleToLongBits(state[i]),
                        "seed " + first.seed() + " component " + i);
            }
            assertArrayEquals(toFloat(first.state()), reset.observation(), 0f, "seed " + first.seed());
        }
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
