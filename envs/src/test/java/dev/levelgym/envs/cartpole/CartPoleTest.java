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
import dev.levelgym.envs.spaces.Box;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartPoleTest {

    private static final double[] START = {0.01, -0.02, 0.03, 0.04};

    @Test
    void semiImplicitIntegratorUsesTheNewVelocitiesForPositions() {
        CartPole semi = CartPole.fromOptions(new dev.levelgym.envs.registry.Options(Map.of("integrator", "semi-implicit")));
        assertEquals(Integrator.SEMI_IMPLICIT_EULER, semi.integrator());
        semi.setState(START);
        semi.step(1);

        // Gymnasium's equations written out independently of CartPolePhysics, in Gymnasium's order.
        double sin = GlibcTrig.sin(START[2]);
        double cos = GlibcTrig.cos(START[2]);
        double temp = (10.0 + 0.05 * (START[3] * START[3]) * sin) / 1.1;
        double thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * (cos * cos) / 1.1));
        double xAcc = temp - 0.05 * thetaAcc * cos / 1.1;
        double xDot = START[1] + 0.02 * xAcc;
        double thetaDot = START[3] + 0.02 * thetaAcc;
        double[] expected = {START[0] + 0.02 * xDot, xDot, START[2] + 0.02 * thetaDot, thetaDot};
        assertArrayEquals(expected, semi.state(), 0.0);

        CartPole euler = new CartPole();
        euler.setState(START);
        euler.step(1);
        double[] eulerState = euler.state();
        assertEquals(START[0] + 0.02 * START[1], eulerState[0], 0.0);
        assertEquals(START[2] + 0.02 * START[3], eulerState[2], 0.0);
        assertNotEquals(eulerState[0], semi.state()[0]);
        assertNotEquals(eulerState[2], semi.state()[2]);
        // Velocities do not depend on the integrator.
        assertEquals(eulerState[1], semi.state()[1], 0.0);
        assertEquals(eulerState[3], semi.state()[3], 0.0);
    }

    @Test
    void suttonBartoRewardIsZeroPerStepAndMinusOneWhenThePoleFalls() {
        Env<float[], Integer> env = CartPole.SPEC.make(Map.of("sutton_barto_reward", true));
        env.reset(3);
        StepResult<float[]> result;
        int steps = 0;
        do {
            result = env.step(1);
            steps++;
            if (!result.terminated()) {
                assertEquals(0.0, result.reward(), 0.0);
            }
        } while (!result.done());
        assertTrue(result.terminated(), "always pushing right topples the pole");
        assertEquals(-1.0, result.reward(), 0.0);
        assertTrue(steps < 100);
    }

    @Test
    void defaultRewardIsOneIncludingTheTerminatingStep() {
        CartPole env = new CartPole();
        env.reset(3);
        StepResult<float[]> result;
        do {
            result = env.step(0);
            assertEquals(1.0, result.reward(), 0.0);
        } while (!result.terminated());
        assertFalse(result.truncated(), "the bare env never truncates");
    }

    @Test
    void steppingTheBareEnvAfterTerminationIsRefused() {
        CartPole env = new CartPole();
        env.reset(0);
        while (!env.step(0).terminated()) {
            // push left until the pole falls
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertTrue(e.getMessage().contains("terminated") && e.getMessage().contains("reset()"), e.getMessage());
        env.reset();
        env.step(1);
    }

    @Test
    void steppingBeforeResetIsRefused() {
        assertThrows(IllegalStateException.class, () -> new CartPole().step(0));
    }

    @Test
    void invalidActionIsRejectedNamingTheSpace() {
        CartPole env = new CartPole();
        env.reset(0);
        double[] before = env.state();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(2));
        assertTrue(e.getMessage().contains("Discrete(2)") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
        assertArrayEquals(before, env.state(), 0.0, "a rejected action leaves the state alone");
    }

    @Test
    void observationSpaceMatchesGymnasium() {
        Box box = (Box) new CartPole().observationSpace();
        assertArrayEquals(new float[] {4.8f, Float.POSITIVE_INFINITY, 0.41887903f, Float.POSITIVE_INFINITY},
                box.high(), 0f);
        assertArrayEquals(new float[] {-4.8f, Float.NEGATIVE_INFINITY, -0.41887903f, Float.NEGATIVE_INFINITY},
                box.low(), 0f);
        assertEquals(0.20943951023931953, CartPolePhysics.THETA_THRESHOLD_RADIANS, 0.0);
        assertArrayEquals(new int[] {4}, box.shape());
    }

    @Test
    void thresholdsAreStrict() {
        CartPole env = new CartPole();
        // theta' = theta + 0.02 * theta_dot lands exactly on the threshold: still balanced.
        env.setState(0.0, 0.0, CartPolePhysics.THETA_THRESHOLD_RADIANS, 0.0);
        assertFalse(env.step(0).terminated());
        env.setState(2.4, 0.0, 0.0, 0.0);
        assertFalse(env.step(0).terminated());
        env.setState(2.4, 1.0, 0.0, 0.0);
        assertTrue(env.step(0).terminated());
    }

    @Test
    void timeLimitTruncatesOnStep500AndBothFlagsCanBeSet() {
        Env<float[], Integer> env = CartPole.SPEC.make();
        env.reset(0);
        CartPole cartPole = (CartPole) env.unwrapped();
        StepResult<float[]> result = null;
        for (int t = 1; t <= 500; t++) {
            if (t == 500) {
                // Put the cart just inside the edge, moving out, so step 500 also terminates.
                cartPole.setState(2.39, 1.0, 0.0, 0.0);
            } else {
                // Keep the pole upright so only the time limit can end the episode.
                cartPole.setState(0.0, 0.0, 0.0, 0.0);
            }
            result = env.step(t % 2);
            assertEquals(t == 500, result.truncated(), "step " + t);
        }
        assertTrue(result.terminated() && result.truncated());
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void unknownOptionsAndBadValuesAreRejected() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CartPole.SPEC.make(Map.of("gravity", 3.0)));
        assertTrue(unknown.getMessage().contains("gravity"), unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CartPole.SPEC.make(Map.of("integrator", "rk4")));
        assertTrue(bad.getMessage().contains("rk4") && bad.getMessage().contains("semi-implicit"), bad.getMessage());
    }

    @Test
    void specMatchesGymnasiumRegistration() {
        assertEquals("CartPole-v1", CartPole.SPEC.id());
        assertEquals(500, CartPole.SPEC.maxEpisodeSteps().getAsInt());
        assertEquals(475.0, CartPole.SPEC.rewardThreshold().getAsDouble(), 0.0);
    }

    @Test
    void resetWithoutSeedContinuesTheGenerator() {
        CartPole a = new CartPole();
        a.reset(7);
        a.reset();
        double[] second = a.state();
        CartPole b = new CartPole();
        b.reset(7);
        double[] first = b.state();
        assertFalse(java.util.Arrays.equals(first, second));
        CartPole c = new CartPole();
        c.reset(7);
        c.reset();
        assertArrayEquals(second, c.state(), 0.0);
    }

    @Test
    void rendersTextAndFrame() {
        CartPole env = new CartPole();
        env.setState(1.2, 0.0, 0.1, 0.0);
        String text = ((Rendering.Text) env.render(RenderMode.ANSI)).text();
        assertTrue(text.contains("x=+1.2000") && text.contains("theta=+0.1000"), text);
        assertTrue(text.contains("/") && text.contains("#"), text);

        Rendering.RgbFrame frame = (Rendering.RgbFrame) env.render(RenderMode.RGB);
        assertEquals(600, frame.width());
        assertEquals(400, frame.height());
        // Cart centre at x * 125 + 300 = 450 px, 100 px above the bottom edge.
        assertEquals(0x000000, frame.pixel(450 - 20, 400 - 100 + 10));
        assertEquals(0xFFFFFF, frame.pixel(50, 50));
        // The pole leans right (positive theta), so its upper part is right of the cart centre.
        int poleTopY = 400 - 1 - (int) (100 + 7.5 + 100 * Math.cos(0.1));
        int poleTopX = (int) (450 + 100 * Math.sin(0.1));
        assertEquals(0xCA9865, frame.pixel(poleTopX, poleTopY));
    }
}
