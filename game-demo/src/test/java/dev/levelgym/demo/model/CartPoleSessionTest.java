package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.Outcome;
import org.junit.jupiter.api.Test;

class CartPoleSessionTest {

    @Test
    void pushesMoveTheCartAsTheEnvDoes() {
        CartPoleSession s = new CartPoleSession(4, null);
        CartPole reference = new CartPole();
        reference.reset(4);
        assertArrayEquals(reference.state(), s.state());
        s.push(1);
        s.push(1);
        s.push(-1);
        reference.step(1);
        reference.step(1);
        reference.step(0);
        assertArrayEquals(reference.state(), s.state());
        assertEquals(3, s.steps());
        assertEquals(0, s.lastPush());
    }

    @Test
    void noArrowAlternatesThePush() {
        CartPoleSession s = new CartPoleSession(0, null);
        s.push(1);
        s.push(0);
        assertEquals(0, s.lastPush());
        s.push(0);
        assertEquals(1, s.lastPush());
    }

    @Test
    void pushingOneWayTopplesThePoleAndRestartStartsOver() {
        CartPoleSession s = new CartPoleSession(0, null);
        double[] start = s.state();
        while (s.outcome() == Outcome.RUNNING) {
            s.push(1);
        }
        assertEquals(Outcome.LOSS, s.outcome());
        assertTrue(s.steps() < 50, "steps " + s.steps());
        int fellAt = s.steps();
        s.push(1);
        assertEquals(fellAt, s.steps());
        s.restart();
        assertEquals(0, s.steps());
        assertArrayEquals(start, s.state());
        assertEquals(2.4, s.trackHalfWidth(), 1e-6);
    }
}
