package dev.levelgym.envs.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CartPoleTest {

    @Test
    void semiImplicitEulerUsesTheNewVelocities() {
        double[] euler = {0.01, 0.02, 0.03, 0.04};
        double[] semi = euler.clone();
        CartPole.integrate(euler, 1, Integrator.EULER);
        CartPole.integrate(semi, 1, Integrator.SEMI_IMPLICIT_EULER);
        assertEquals(euler[1], semi[1], 0.0, "velocities get the same update");
        assertEquals(euler[3], semi[3], 0.0);
        assertEquals(0.01 + 0.02 * 0.02, euler[0], 0.0, "euler moves with the old velocity");
        assertEquals(0.01 + 0.02 * semi[1], semi[0], 0.0, "semi-implicit moves with the new velocity");
        assertEquals(0.03 + 0.02 * semi[3], semi[2], 0.0);
    }

    @Test
    void integratorOptionReachesTheEnv() {
        Env<float[], Integer> env = CartPole.SPEC.make(Map.of("integrator", "semi-implicit"));
        assertEquals(Integrator.SEMI_IMPLICIT_EULER, ((CartPole) env.unwrapped()).integrator());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CartPole.SPEC.make(Map.of("integrator", "rk4")));
        assertTrue(e.getMessage().contains("rk4"), e.getMessage());
    }

    @Test
    void suttonBartoRewardIsZeroPerStepAndMinusOneAtTheEnd() {
        CartPole env = new CartPole(Integrator.EULER, true);
        env.reset(3);
        StepResult<float[]> step;
        do {
            step = env.step(1);
            if (!step.terminated()) {
                assertEquals(0.0, step.reward());
            }
        } while (!step.terminated());
        assertEquals(-1.0, step.reward());
    }

    @Test
    void stepAfterTerminationIsRefused() {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(2.39, 1.0, 0, 0);
        assertTrue(env.step(1).terminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void actionOutsideTheSpaceNamesSpaceAndValue() {
        CartPole env = new CartPole();
        env.reset(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(2));
        assertTrue(e.getMessage().contains("Discrete(2)") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void truncatesOnStep500WithBothFlagsPossible() {
        Env<float[], Integer> env = CartPole.SPEC.make();
        env.reset(0);
        CartPole cartPole = (CartPole) env.unwrapped();
        StepResult<float[]> step = null;
        for (int t = 1; t <= 500; t++) {
            cartPole.setState(0, 0, 0, 0);
            step = env.step(t % 2);
            assertEquals(t == 500, step.truncated(), "t=" + t);
        }
        assertFalse(step.terminated());
        env.reset(0);
        for (int t = 1; t < 500; t++) {
            cartPole.setState(0, 0, 0, 0);
            env.step(t % 2);
        }
        cartPole.setState(2.4, 1, 0, 0);
        step = env.step(1);
        assertTrue(step.terminated() && step.truncated());
    }

    @Test
    void sameSeedSameEpisodeAndResetWithoutSeedContinuesTheGenerator() {
        CartPole a = new CartPole();
        CartPole b = new CartPole();
        assertArrayEquals(a.reset(5).observation(), b.reset(5).observation());
        Set<String> starts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            starts.add(java.util.Arrays.toString(a.reset().observation()));
        }
        assertEquals(20, starts.size());
        assertNotEquals(java.util.Arrays.toString(new CartPole().reset(5).observation()),
                java.util.Arrays.toString(new CartPole().reset(6).observation()));
    }

    @Test
    void rendersTextAndAFrameWithCartAndPole() {
        CartPole env = new CartPole();
        env.reset(0);
        Rendering.Text text = (Rendering.Text) env.render(RenderMode.ANSI);
        assertTrue(text.text().contains("theta="), text.text());
        Rendering.RgbFrame frame = (Rendering.RgbFrame) env.render(RenderMode.RGB);
        assertEquals(600, frame.width());
        assertEquals(400, frame.height());
        Set<Integer> colours = new HashSet<>();
        for (int p : frame.rgb()) {
            colours.add(p);
        }
        assertTrue(colours.containsAll(Set.of(0xFFFFFF, 0x000000, 0xCA9865, 0x8184CB)), colours.toString());
        assertEquals(0x000000, frame.pixel(280, 310), "the cart sits at the centre for x=0");
    }
}
